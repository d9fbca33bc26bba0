package io.minik8s.client.fake;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.client.errors.BadRequestException;
import io.minik8s.objects.manifest.Codec;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * A field selector such as {@code spec.nodeName=node-1,metadata.name!=web}: terms that must all
 * hold, each {@code path=value}, {@code path==value} or {@code path!=value}. A path names fields
 * by their JSON names; a missing field reads as the empty string, so {@code spec.nodeName=}
 * selects unscheduled pods. Unlike the real server, any path is accepted, not only the few each
 * kind supports ({@code metadata.name}, {@code metadata.namespace}, {@code spec.nodeName}...).
 */
final class FieldSelection {

  private record Term(String[] path, boolean equal, String value) {}

  private final List<Term> terms;

  private FieldSelection(List<Term> terms) {
    this.terms = terms;
  }

  static FieldSelection parse(String selector) {
    List<Term> terms = new ArrayList<>();
    if (selector != null && !selector.isBlank()) {
      for (String term : selector.split(",")) {
        int notEqual = term.indexOf("!=");
        int equal = term.indexOf('=');
        if (notEqual > 0) {
          terms.add(new Term(term.substring(0, notEqual).trim().split("\\."), false,
              term.substring(notEqual + 2).trim()));
        } else if (equal > 0) {
          int valueStart = term.startsWith("==", equal) ? equal + 2 : equal + 1;
          terms.add(new Term(term.substring(0, equal).trim().split("\\."), true,
              term.substring(valueStart).trim()));
        } else {
          throw new BadRequestException(Status.failure(400, "BadRequest",
              "invalid field selector \"" + selector + "\": term \"" + term
                  + "\" is not field=value or field!=value", null));
        }
      }
    }
    return new FieldSelection(List.copyOf(terms));
  }

  boolean matches(KubeObject object) {
    if (terms.isEmpty()) {
      return true;
    }
    JsonNode tree = Codec.toTree(object);
    for (Term term : terms) {
      JsonNode node = tree;
      for (String field : term.path()) {
        node = node == null ? null : node.get(field);
      }
      String actual = node == null || node.isNull() ? "" : node.asText();
      if (actual.equals(term.value()) != term.equal()) {
        return false;
      }
    }
    return true;
  }
}
