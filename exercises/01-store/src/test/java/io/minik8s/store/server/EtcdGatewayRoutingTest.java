package io.minik8s.store.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.RangeResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Given code (not an exercise): paths, methods and binding, as etcd 3.4's gateway answers them. */
class EtcdGatewayRoutingTest {

  private final GatewayHarness gateway = new GatewayHarness();

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void bindsAFreeLoopbackPort() {
    assertThat(gateway.server.port()).isPositive();
    assertThat(gateway.server.endpoint()).isEqualTo("http://127.0.0.1:" + gateway.server.port());
  }

  @Test
  void anUnknownPathIs404AndAnotherMethodIs405AsFromEtcd() {
    var unknown = gateway.post("/v3/kv/nope", "{}");
    var get = gateway.send(gateway.request("/v3/kv/range").GET().build());

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).isEqualTo("Not Found\n");
    assertThat(get.status()).isEqualTo(405);
    assertThat(get.body()).isEqualTo("Method Not Allowed\n");
  }

  @Test
  void theV3betaPrefixIsAnAlias() {
    gateway.store.onRange = r -> new RangeResponse(FakeKeyValueStore.header(4), List.of(), false, 0);

    assertThat(gateway.post("/v3beta/kv/range", "{\"key\":\"YQ==\"}").status()).isEqualTo(200);
    assertThat(gateway.store.requests).hasSize(1);
  }

  @Test
  void goBase64ReportsTheOffsetGoReports() {
    assertThat(GoBase64.decode("L2E=")).isEqualTo(Bytes.of("/a"));
    assertThat(GoBase64.decode("YWI=\n")).isEqualTo(Bytes.of("ab"));
    assertThat(GoBase64.decode("YQ==")).isEqualTo(Bytes.of("a"));
    assertThat(GoBase64.decode("")).isEqualTo(Bytes.EMPTY);
    for (String[] c : new String[][] {{"YQ=", "3"}, {"Y===", "1"}, {"YQ==YQ==", "4"}, {"YQ=x", "2"}, {"L2E_", "3"}}) {
      try {
        GoBase64.decode(c[0]);
        throw new AssertionError(c[0] + " decoded");
      } catch (io.minik8s.store.api.StoreException e) {
        assertThat(e.getMessage()).as(c[0]).isEqualTo("illegal base64 data at input byte " + c[1]);
      }
    }
  }

  @Test
  void aBodyOfOnlyWhitespaceIsAnEmptyRequest() {
    assertThat(EtcdGatewayServer.parse(" \n".getBytes())).isEqualTo(JsonFields.object());
    assertThat(EtcdGatewayServer.parse("null".getBytes())).isEqualTo(JsonFields.object());
  }
}
