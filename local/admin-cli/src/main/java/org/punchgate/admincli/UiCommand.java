package org.punchgate.admincli;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import org.punchgate.adminui.AdminReply;
import org.punchgate.adminui.AdminTransport;
import org.punchgate.adminui.AdminUiServer;

/**
 * {@code ui [--port 7070]}: the admin page on 127.0.0.1, its calls forwarded to the admin API through this CLI's
 * {@link AdminApi} (SigV4 or the admin key), so the page itself never sees a credential. Runs until stopped.
 */
final class UiCommand {

  static final int DEFAULT_PORT = 7070;

  private UiCommand() {}

  /** The page's way to the admin API: this CLI's client, with its authorization. */
  static AdminTransport transport(AdminApi api) {
    return (method, pathAndQuery, body) -> {
      AdminApi.Reply reply = api.send(method, pathAndQuery, body == null || body.length == 0 ? null : body);
      return new AdminReply(reply.status(), reply.contentType().isEmpty() ? null : reply.contentType(), reply.body());
    };
  }

  static AdminUiServer start(AdminApi api, int port) throws IOException {
    return AdminUiServer.start(transport(api), port);
  }

  static int run(AdminApi api, int port, Console console) throws IOException {
    AdminUiServer server;
    try {
      server = start(api, port);
    } catch (java.net.BindException e) {
      console.err().println("port " + port + " is taken: stop what uses it, or give --port <another port> (0 picks a free one)");
      return AdminCli.FAILED;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.stop();
      stopped.countDown();
    }, "punchgate-admin-ui-stop"));
    console.out().println("admin page for " + api.base() + ":\n  " + server.url()
        + "\n(open it once in a browser on this machine; the address signs you in. Ctrl-C stops.)");
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.stop();
    }
    return AdminCli.OK;
  }
}
