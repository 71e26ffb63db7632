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
}
