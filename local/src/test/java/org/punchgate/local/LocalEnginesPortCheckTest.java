package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/**
 * The fixed-port check before the engines start: a port a killed engine left with connections in TIME_WAIT
 * is free again at once (a restart after {@code kill -9}), a port something still listens on is not.
 */
class LocalEnginesPortCheckTest {

  @Test
  void aPortLeftInTimeWaitByAKilledEngineIsFreeAtOnce() throws Exception {
    int port;
    try (ServerSocket engine = new ServerSocket()) {
      engine.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      port = engine.getLocalPort();
      try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
        Socket served = engine.accept();
        served.close(); // the engine's side closes first, as the kernel does for a killed process: TIME_WAIT
        try (InputStream in = client.getInputStream()) {
          assertEquals(-1, in.read(), "the client sees the close");
        }
      }
    }
    int timeWaitPort = port;
    assertDoesNotThrow(() -> LocalEngines.checkFree("moto", timeWaitPort));
  }

  @Test
  void aPortSomethingListensOnIsInUse() throws Exception {
    try (ServerSocket engine = new ServerSocket()) {
      engine.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      var refused = assertThrows(LocalEngines.PortInUseException.class,
          () -> LocalEngines.checkFree("moto", engine.getLocalPort()));
      assertTrue(refused.getMessage().contains(Integer.toString(engine.getLocalPort())), refused.getMessage());
    }
  }
}
