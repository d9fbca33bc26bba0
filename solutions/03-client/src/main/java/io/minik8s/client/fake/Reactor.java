package io.minik8s.client.fake;

/**
 * Runs before a {@link FakeKubeClient} applies a request, as client-go's {@code testing.Reactor}:
 * throwing makes the request fail with that exception (nothing is changed), returning lets it
 * proceed. Tests use it to simulate a failed create, a conflict, a slow server (a latch).
 */
@FunctionalInterface
public interface Reactor {

  void react(Action action);
}
