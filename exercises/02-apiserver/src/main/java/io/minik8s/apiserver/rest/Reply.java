package io.minik8s.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;

/** A handler's answer: the HTTP code and the JSON body (an object, a list, a Status). */
record Reply(int code, JsonNode body) {

  static Reply ok(JsonNode body) {
    return new Reply(200, body);
  }

  static Reply created(JsonNode body) {
    return new Reply(201, body);
  }
}
