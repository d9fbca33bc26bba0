/**
 * kube-controller-manager and cloud-controller-manager. Every controller has the same shape
 * ({@code loop}): informers feed a rate-limited workqueue of keys, and one idempotent
 * {@code sync(key)} observes the cache, compares it with the desired state and acts through the
 * API server. The shared pieces upstream keeps in {@code pkg/controller} are {@code pods} (pod
 * creation and readiness), {@code expectations} and {@code ownership} (adoption by
 * ownerReferences); each controller has its own package; {@code manager} runs them.
 */
package io.minik8s.controllers;
