package io.minik8s.apiserver.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.apiserver.admission.AdmissionChain;
import io.minik8s.apiserver.admission.AdmissionConfig;
import io.minik8s.apiserver.apply.ManagedFields;
import io.minik8s.apiserver.apply.ServerSideApply;
import io.minik8s.apiserver.auth.authn.Authenticator;
import io.minik8s.apiserver.auth.authn.RequestAuthenticator;
import io.minik8s.apiserver.auth.authn.ServiceAccountTokens;
import io.minik8s.apiserver.auth.authn.TokenFileAuthenticator;
import io.minik8s.apiserver.auth.authz.Authorizer;
import io.minik8s.apiserver.auth.authz.AuthorizerChain;
import io.minik8s.apiserver.auth.authz.Decision;
import io.minik8s.apiserver.auth.authz.RbacAuthorizer;
import io.minik8s.apiserver.auth.review.AccessReviews;
import io.minik8s.apiserver.discovery.Discovery;
import io.minik8s.apiserver.openapi.OpenApi;
import io.minik8s.apiserver.patch.Patcher;
import io.minik8s.apiserver.printing.TableConverter;
import io.minik8s.apiserver.rest.Json;
import io.minik8s.apiserver.rest.MediaTypes;
import io.minik8s.apiserver.rest.ServerComponents;
import io.minik8s.apiserver.storage.Registries;
import io.minik8s.apiserver.storage.StoreRegistries;
import io.minik8s.apiserver.subresource.TokenRequests;
import io.minik8s.objects.scheme.Scheme;
import io.minik8s.store.api.KeyValueStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The layers a server gets unless its options say otherwise: storage on the store, the token
 * file and ServiceAccount authenticators, RBAC or AlwaysAllow, the default admission chain,
 * discovery, OpenAPI, printing, patches and server-side apply.
 */
final class DefaultWiring {

  private DefaultWiring() {}

  static Registries registries(KeyValueStore store, Scheme scheme, Clock clock, Random random) {
    return new StoreRegistries(store, scheme, clock, random);
  }

  static ServerComponents components(ApiServerOptions options, Registries registries,
      KeyValueStore store) {
    Clock clock = options.clock();
    Authorizer authorizer = authorizer(options.authorizationMode(), registries);
    Discovery discovery = new Discovery(options.scheme(), Discovery.servedBesidesScheme());
    OpenApi openApi = new OpenApi(options.scheme());
    TableConverter tables = new TableConverter();
    Patcher patcher = new Patcher();
    ServerSideApply apply = new ServerSideApply();
    ManagedFields managedFields = new ManagedFields();
    AdmissionChain admission = AdmissionChain.defaults(registries, admissionConfig(options));
    ServiceAccountTokens serviceAccountTokens =
        new ServiceAccountTokens(ServiceAccountKey.load(options.serviceAccountKeyFile()), clock);
    return ServerComponents.minimal()
        .withAuthentication(authentication(options, serviceAccountTokens)::authenticate)
        .withTokenRequests(new TokenRequests(serviceAccountTokens, clock)::issue)
        .withAuthorizer(authorizer)
        .withAdmission(admission::admit)
        .withDiscovery(path -> discoveryDocument(discovery, path))
        .withOpenApi(path -> path.equals("/openapi/v3")
            ? Optional.of(openApi.index())
            : openApi.document(path).map(JsonNode.class::cast))
        .withTables((type, objects) -> tables.toTable(type, objects, "", "", clock.instant()))
        .withPatcher(patcher::apply)
        .withApply((type, current, body, manager, force) -> apply.apply(type, current,
            Json.readObject(body, MediaTypes.YAML), manager, force, clock.instant()))
        .withFieldManager((old, updated, manager) ->
            managedFields.recordUpdate(old, updated, manager, clock.instant()))
        .withAccessReviews(new AccessReviews(authorizer)::review)
        .withReady(() -> ready(store));
  }

  /** Tokens from the token file, then ServiceAccount tokens. */
  static RequestAuthenticator authentication(ApiServerOptions options,
      ServiceAccountTokens serviceAccountTokens) {
    List<Authenticator> authenticators = new ArrayList<>();
    if (options.tokenFile() != null) {
      try {
        authenticators.add(TokenFileAuthenticator.fromFile(options.tokenFile()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the token file " + options.tokenFile()
            + ": " + e.getMessage(), e);
      }
    }
    authenticators.add(serviceAccountTokens);
    return new RequestAuthenticator(authenticators, options.anonymousAuth());
  }

  static Authorizer authorizer(String mode, Registries registries) {
    if (mode.equals(ApiServerOptions.ALWAYS_ALLOW)) {
      return attributes -> Decision.allow("");
    }
    return new AuthorizerChain(List.of(new RbacAuthorizer(registries)));
  }

  static AdmissionConfig admissionConfig(ApiServerOptions options) {
    String[] ports = options.serviceNodePortRange().split("-", 2);
    long seed = options.randomSeed() == null ? System.nanoTime() : options.randomSeed();
    return new AdmissionConfig(options.serviceClusterIpRange(), Integer.parseInt(ports[0].trim()),
        Integer.parseInt(ports[1].trim()), seed);
  }

  /** {@code /version}, {@code /api}, {@code /apis}, {@code /api/v1}, {@code /apis/<g>/<v>}. */
  static Optional<JsonNode> discoveryDocument(Discovery discovery, String path) {
    String[] parts = path.replaceAll("^/+|/+$", "").split("/");
    if (path.equals("/version")) {
      return Optional.of(discovery.version());
    }
    if (parts.length == 1 && parts[0].equals("api")) {
      return Optional.of(discovery.coreVersions());
    }
    if (parts.length == 1 && parts[0].equals("apis")) {
      return Optional.of(discovery.groups());
    }
    if (parts.length == 2 && parts[0].equals("api")) {
      return discovery.resources("", parts[1]).map(JsonNode.class::cast);
    }
    if (parts.length == 3 && parts[0].equals("apis")) {
      return discovery.resources(parts[1], parts[2]).map(JsonNode.class::cast);
    }
    return Optional.empty();
  }

  /** Whether the store answers a status request. */
  static boolean ready(KeyValueStore store) {
    try {
      store.status();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
