package io.minik8s.apiserver.protobuf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The protobuf messages of the Kubernetes API, read from Kubernetes' own {@code generated.proto}
 * files (vendored as resources next to this class) and annotated with how Go's encoding/json
 * renders each field ({@code jsontags.txt}).
 *
 * <p>The parser understands the subset those generated files use: {@code package}, {@code
 * import}, top-level {@code message} blocks, and fields {@code optional|repeated <type> <name> =
 * N;} or {@code map<K, V> <name> = N;}. No nested messages, enums or oneofs occur.
 */
final class ProtoSchema {

  /** The vendored files, one per Go package (k8s.io/api and k8s.io/apimachinery v0.33.9). */
  private static final List<String> FILES = List.of(
      "k8s.io.apimachinery.pkg.apis.meta.v1.proto",
      "k8s.io.apimachinery.pkg.runtime.proto",
      "k8s.io.apimachinery.pkg.runtime.schema.proto",
      "k8s.io.apimachinery.pkg.util.intstr.proto",
      "k8s.io.apimachinery.pkg.api.resource.proto",
      "k8s.io.api.core.v1.proto",
      "k8s.io.api.apps.v1.proto",
      "k8s.io.api.batch.v1.proto",
      "k8s.io.api.coordination.v1.proto",
      "k8s.io.api.rbac.v1.proto",
      "k8s.io.api.authentication.v1.proto",
      "k8s.io.api.authorization.v1.proto",
      "k8s.io.api.policy.v1.proto",
      "k8s.io.api.autoscaling.v1.proto");

  /** How a field appears in Go's JSON; see jsontags.txt. */
  enum Rendering {
    /** Non-pointer with omitempty: a zero scalar is left out. The default. */
    OMIT_ZERO,
    /** A Go pointer: present on the wire means set, even to zero ({@code replicas: 0}). */
    POINTER,
    /** No omitempty: a zero scalar is kept ({@code "containerPort": 0}). */
    KEEP_ZERO,
    /** {@code json:",inline"}: the message's fields are merged into the enclosing object. */
    INLINE
  }

  /**
   * One field. {@code type} is a scalar name ({@code string}, {@code int64}, ...) or a fully
   * qualified message name without the leading dot; for a map, {@code type} is the value type.
   */
  record Field(String name, int number, boolean repeated, boolean map, String type,
      Rendering rendering) {}

  record Message(String fullName, Map<Integer, Field> fields) {}

  static final java.util.Set<String> SCALARS = java.util.Set.of(
      "string", "bytes", "bool", "int32", "int64", "uint32", "uint64", "double", "float");

  private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;");
  private static final Pattern MESSAGE = Pattern.compile("^message\\s+(\\w+)\\s*\\{");
  private static final Pattern FIELD = Pattern.compile(
      "^(optional|repeated)\\s+([\\w.]+)\\s+(\\w+)\\s*=\\s*(\\d+)\\s*;");
  private static final Pattern MAP_FIELD = Pattern.compile(
      "^map<\\s*(\\w+)\\s*,\\s*([\\w.]+)\\s*>\\s+(\\w+)\\s*=\\s*(\\d+)\\s*;");

  private static final ProtoSchema INSTANCE = load();

  private final Map<String, Message> messages;

  private ProtoSchema(Map<String, Message> messages) {
    this.messages = messages;
  }

  static ProtoSchema get() {
    return INSTANCE;
  }

  /** The message with this fully qualified name ({@code k8s.io.api.apps.v1.Deployment}), or null. */
  Message message(String fullName) {
    return messages.get(fullName);
  }

  private static ProtoSchema load() {
    Map<String, Rendering> renderings = loadRenderings();
    Map<String, Message> messages = new HashMap<>();
    for (String file : FILES) {
      parse(file, read(file), renderings, messages);
    }
    return new ProtoSchema(Map.copyOf(messages));
  }

  /** Parses one .proto file; a line the subset does not know is a bug in the vendored files. */
  static void parse(String file, String text, Map<String, Rendering> renderings,
      Map<String, Message> into) {
    String pkg = "";
    String message = null;
    Map<Integer, Field> fields = null;
    boolean inComment = false;
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (inComment) {
        inComment = !line.contains("*/");
        continue;
      }
      if (line.startsWith("/*")) {
        inComment = !line.contains("*/");
        continue;
      }
      if (line.isEmpty() || line.startsWith("//") || line.startsWith("syntax")
          || line.startsWith("import ") || line.startsWith("option ")) {
        continue;
      }
      Matcher m;
      if ((m = PACKAGE.matcher(line)).find()) {
        pkg = m.group(1);
      } else if ((m = MESSAGE.matcher(line)).find() && message == null) {
        message = pkg + "." + m.group(1);
        fields = new LinkedHashMap<>();
      } else if (line.equals("}") && message != null) {
        into.put(message, new Message(message, Map.copyOf(fields)));
        message = null;
      } else if (message != null && (m = FIELD.matcher(line)).find()) {
        int number = Integer.parseInt(m.group(4));
        fields.put(number, new Field(m.group(3), number, m.group(1).equals("repeated"), false,
            qualify(pkg, m.group(2)), renderings.getOrDefault(message + " " + number,
                Rendering.OMIT_ZERO)));
      } else if (message != null && (m = MAP_FIELD.matcher(line)).find()) {
        if (!m.group(1).equals("string")) {
          throw new IllegalStateException(file + ": only string map keys are supported: " + line);
        }
        int number = Integer.parseInt(m.group(4));
        fields.put(number, new Field(m.group(3), number, false, true, qualify(pkg, m.group(2)),
            Rendering.OMIT_ZERO));
      } else {
        throw new IllegalStateException(file + ": unsupported protobuf syntax: " + line);
      }
    }
  }

  /** A scalar stays as it is; {@code .a.b.C} is absolute; {@code C} lives in the file's package. */
  private static String qualify(String pkg, String type) {
    if (SCALARS.contains(type)) {
      return type;
    }
    return type.startsWith(".") ? type.substring(1) : pkg + "." + type;
  }

  private static Map<String, Rendering> loadRenderings() {
    Map<String, Rendering> renderings = new HashMap<>();
    for (String line : read("jsontags.txt").split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.trim().split("\\s+");
      String flags = parts[2];
      Rendering rendering = flags.contains("inline") ? Rendering.INLINE
          : flags.contains("pointer") ? Rendering.POINTER
          : Rendering.KEEP_ZERO;
      renderings.put(parts[0] + " " + parts[1], rendering);
    }
    return renderings;
  }

  private static String read(String resource) {
    try (InputStream in = ProtoSchema.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
