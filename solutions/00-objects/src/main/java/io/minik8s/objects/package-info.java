/**
 * Module 00, objects: the vocabulary every other module speaks. The real counterpart is
 * {@code k8s.io/apimachinery}.
 */
package io.minik8s.objects;
