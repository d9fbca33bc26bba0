package io.minik8s.controllers.manager;

import io.minik8s.client.cache.SharedInformerFactory;
import io.minik8s.client.rest.KubeClient;
import java.time.Clock;

/**
 * What every controller is built from in the manager (upstream's {@code ControllerContext}): one
 * client, one shared informer factory (so controllers share watches and caches), one clock.
 */
public record ControllerContext(KubeClient client, SharedInformerFactory informers, Clock clock) {}
