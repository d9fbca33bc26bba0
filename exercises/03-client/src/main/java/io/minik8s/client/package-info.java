/**
 * The client machinery every controller stands on, as client-go builds it: a REST client
 * ({@code rest}), watch streams ({@code watch}), the reflector and informer cache
 * ({@code cache}), rate-limited workqueues ({@code workqueue}) and Lease-based leader election
 * ({@code leaderelection}). {@code fake} is an in-memory client for controller tests, as
 * client-go's {@code kubernetes/fake}.
 *
 * <p>Everything talks to the API server over HTTP only; nothing here reads the store.
 */
package io.minik8s.client;
