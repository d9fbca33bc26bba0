package io.minik8s.store.contract;

import io.minik8s.store.EmbeddedStore;
import io.minik8s.store.api.KeyValueStore;
import java.time.Clock;

/** The contract against the embedded store, in memory: implementation (a) of three. */
class EmbeddedStoreContractTest extends KeyValueStoreContract {

  @Override
  protected KeyValueStore newStore() {
    return EmbeddedStore.inMemory(Clock.systemUTC());
  }
}
