package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.List;
import java.util.Map;

/**
 * One container of a pod: the image to run, its command line ({@code command} replaces the
 * image's entrypoint, {@code args} its arguments), ports, environment, resources and probes.
 * In minik8s an image names a program the course ships, run as an OS process.
 *
 * <p>Upstream: {@code v1.Container}.
 */
public record Container(
    String name,
    String image,
    List<String> command,
    List<String> args,
    String workingDir,
    List<ContainerPort> ports,
    List<EnvVar> env,
    ResourceRequirements resources,
    Probe livenessProbe,
    Probe readinessProbe,
    Probe startupProbe,
    String imagePullPolicy,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public static final String PULL_ALWAYS = "Always";
  public static final String PULL_IF_NOT_PRESENT = "IfNotPresent";
  public static final String PULL_NEVER = "Never";

  public Container {
    command = Copies.list(command);
    args = Copies.list(args);
    ports = Copies.list(ports);
    env = Copies.list(env);
    unknownFields = Copies.unknown(unknownFields);
  }

  /** A container with a name and an image and nothing else. */
  public static Container of(String name, String image) {
    return new Container(name, image, null, null, null, null, null, null, null, null, null, null,
        null);
  }

  public Container withCommand(List<String> command, List<String> args) {
    return new Container(name, image, command, args, workingDir, ports, env, resources,
        livenessProbe, readinessProbe, startupProbe, imagePullPolicy, unknownFields);
  }

  public Container withPorts(List<ContainerPort> ports) {
    return new Container(name, image, command, args, workingDir, ports, env, resources,
        livenessProbe, readinessProbe, startupProbe, imagePullPolicy, unknownFields);
  }

  public Container withEnv(List<EnvVar> env) {
    return new Container(name, image, command, args, workingDir, ports, env, resources,
        livenessProbe, readinessProbe, startupProbe, imagePullPolicy, unknownFields);
  }

  public Container withResources(ResourceRequirements resources) {
    return new Container(name, image, command, args, workingDir, ports, env, resources,
        livenessProbe, readinessProbe, startupProbe, imagePullPolicy, unknownFields);
  }

  public Container withProbes(Probe livenessProbe, Probe readinessProbe) {
    return new Container(name, image, command, args, workingDir, ports, env, resources,
        livenessProbe, readinessProbe, startupProbe, imagePullPolicy, unknownFields);
  }

  public Container withImage(String image) {
    return new Container(name, image, command, args, workingDir, ports, env, resources,
        livenessProbe, readinessProbe, startupProbe, imagePullPolicy, unknownFields);
  }
}
