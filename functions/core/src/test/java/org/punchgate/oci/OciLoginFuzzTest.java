package org.punchgate.oci;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.connection.InMemoryConnectionStore;
import org.punchgate.http.HttpRequest;
import org.punchgate.http.HttpResponse;
import org.punchgate.security.RandomIds;
import org.punchgate.session.InMemorySessionStore;
import org.punchgate.testing.Fixtures;
import org.punchgate.testing.FuzzBudget;

/**
 * Fuzz target: OCI login parameter parsing, charsets included. An input is {@code <method> <content-type>},
 * a line break, the raw query, a line break, and the body bytes. The answer is always one of the documented
 * statuses, never an exception. Corpus: {@code OciLoginFuzzTestInputs/}.
 */
class OciLoginFuzzTest {

  private static final Set<Integer> DOCUMENTED = Set.of(302, 400, 401, 403, 404, 413);
  private static final InMemoryConnectionStore CONNECTIONS = new InMemoryConnectionStore();

  static {
    CONNECTIONS.put(Fixtures.ociConnection("oci4", ConnectionFormat.OCI_4_0));
    CONNECTIONS.put(Fixtures.ociConnection("oci3", ConnectionFormat.OCI_3_0));
  }

  @FuzzTest(maxDuration = "10m")
  void answersAnyCallUpWithADocumentedStatus(byte[] input) {
    int first = indexOf(input, 0);
    int second = first < 0 ? -1 : indexOf(input, first + 1);
    String head = new String(input, 0, first < 0 ? input.length : first, StandardCharsets.ISO_8859_1);
    String query = first < 0 ? "" : new String(input, first + 1, (second < 0 ? input.length : second) - first - 1,
        StandardCharsets.ISO_8859_1);
    byte[] body = second < 0 ? new byte[0] : Arrays.copyOfRange(input, second + 1, input.length);
    String method = head.startsWith("GET") ? "GET" : "POST";
    String contentType = head.length() > 4 ? head.substring(4) : "application/x-www-form-urlencoded";
    String connection = head.contains("oci3") ? "oci3" : "oci4";
    var login = new OciLoginHttp(new OciLogin(CONNECTIONS, new InMemorySessionStore(), Fixtures.tokens(Fixtures.clock()),
        new RandomIds(), Fixtures.clock()), 64 * 1024);
    FuzzBudget.within(() -> {
      HttpResponse response = login.login(new HttpRequest(method, "/punchout/oci/" + connection,
          Map.of("connectionId", connection), query, Map.of("content-type", contentType), body));
      assertTrue(DOCUMENTED.contains(response.status()), "status " + response.status());
    });
  }

  private static int indexOf(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
