package io.minik8s.client.config;

/**
 * A client configuration (a kubeconfig file, the in-cluster service account files) cannot be
 * used; the message is one sentence naming the file and what is missing or wrong.
 */
public final class ConfigException extends IllegalArgumentException {

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
