package org.punchgate.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.punchgate.testing.Fixtures;

class ReturnUrlPolicyTest {

  private final Connection connection = Fixtures.ociConnection("c", ConnectionFormat.OCI_4_0);

  @Test
  void allowsExactOriginsWithAnyPathAndQuery() {
    assertEquals(Optional.empty(), ReturnUrlPolicy.refusal(connection, "https://srm.example.com/sap/hook?x=1&y=2"));
    assertEquals(Optional.empty(), ReturnUrlPolicy.refusal(connection, "HTTPS://SRM.example.com:443/"));
    assertEquals(Optional.empty(), ReturnUrlPolicy.refusal(connection, "http://localhost:3000/buyer/hook"));
  }

  @Test
  void rejectsOtherSchemesHostsPortsAndTricks() {
    for (String url : new String[] {
        "http://srm.example.com/", "https://srm.example.com:8443/", "https://srm.example.com.evil.net/",
        "https://evil.net/?https://srm.example.com/", "https://srm.example.com@evil.net/",
        "javascript:alert(1)", "//srm.example.com/", "http://localhost:3001/", "", "ftp://srm.example.com/"}) {
      assertTrue(ReturnUrlPolicy.refusal(connection, url).isPresent(), url);
    }
    assertTrue(ReturnUrlPolicy.refusal(connection, null).isPresent());
  }

  private static Connection allowing(String... origins) {
    Connection c = Fixtures.ociConnection("c", ConnectionFormat.OCI_4_0);
    return new Connection(c.id(), c.name(), c.active(), c.format(), c.userGroup(), c.loginParameters(), c.username(),
        c.secretHash(), java.util.List.of(origins), c.shopStartUrl(), c.sessionLifetime(), c.fieldMapping(), c.unitMap(),
        c.defaultClassification(), c.cxml());
  }

  @Test
  void anyPortIsALoopbackOnlyConvenience() {
    Connection demo = allowing("http://localhost:*", "http://127.0.0.1:*");
    assertEquals(Optional.empty(), ReturnUrlPolicy.refusal(demo, "http://localhost:4711/hook"));
    assertEquals(Optional.empty(), ReturnUrlPolicy.refusal(demo, "http://127.0.0.1/hook"));
    assertTrue(ReturnUrlPolicy.refusal(demo, "https://localhost:4711/hook").isPresent(), "the scheme still matches exactly");
    assertTrue(ReturnUrlPolicy.refusal(demo, "http://localhost.evil.net:4711/").isPresent());
    Connection real = allowing("https://srm.example.com:*");
    assertTrue(ReturnUrlPolicy.refusal(real, "https://srm.example.com/").isPresent(), "real hosts keep exact origins");
    assertTrue(ReturnUrlPolicy.refusal(real, "https://srm.example.com:8443/").isPresent());
  }
}
