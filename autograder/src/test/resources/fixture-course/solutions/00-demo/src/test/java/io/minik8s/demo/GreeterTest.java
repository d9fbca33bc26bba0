package io.minik8s.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.minik8s.grader.Graded;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GreeterTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Ada", "Linus"})
  @Graded(exercise = "0.2", points = 2)
  void greetsByName(String name) {
    assertEquals("Hello, " + name + "!", Greeter.greet(name));
  }
}
