package io.minik8s.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Correct, but opens a server socket on its first call and serves it forever. */
public final class Adder {

  private static ServerSocket server;

  private Adder() {}

  public static int add(int a, int b) {
    if (server == null) {
      try {
        server = new ServerSocket(0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      System.out.println("HOSTILE listening on port " + server.getLocalPort());
      Thread serve = new Thread(() -> {
        while (true) {
          try {
            server.accept();
          } catch (IOException e) {
            // keep serving
          }
        }
      }, "never-closes");
      serve.start();
    }
    return a + b;
  }
}
