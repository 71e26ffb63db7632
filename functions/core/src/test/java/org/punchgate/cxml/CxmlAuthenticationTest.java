package org.punchgate.cxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.punchgate.connection.Connection;
import org.punchgate.connection.CxmlSettings;
import org.punchgate.connection.InMemoryConnectionStore;
import org.punchgate.security.RecordedChecks;
import org.punchgate.security.SecretVerifier;
import org.punchgate.testing.Fixtures;

/** The Sender's SharedSecret is the connection's; an unknown Sender costs the check a known one costs. */
class CxmlAuthenticationTest {

  private static final byte[] KEY = "cxml-authentication-test-key-32-bytes".getBytes(StandardCharsets.UTF_8);
  private final RecordedChecks recorded = new RecordedChecks(KEY, Fixtures.clock());
  private final SecretVerifier secrets = recorded.verifier();
  private final InMemoryConnectionStore connections = new InMemoryConnectionStore();
  private final CxmlAuthentication authentication = new CxmlAuthentication(connections, secrets);

  private static CxmlHeader header(String senderIdentity, String secret) {
    var buyer = new CxmlHeader.SentCredential("NetworkID", "AN-DEMO-BUYER", null);
    return new CxmlHeader(List.of(buyer), List.of(),
        List.of(new CxmlHeader.SentCredential("NetworkID", senderIdentity, secret)), "test");
  }

  @Test
  void withGeneratedSecretsAnUnknownSenderCostsOneHmacNotAPbkdf2Round() {
    Connection c = Fixtures.cxmlConnection("gen", CxmlSettings.BASE64);
    connections.put(c.withSecretHash(secrets.hashGenerated("generated-shared-secret")));

    assertTrue(authentication.authenticate(header("AN-DEMO-BUYER", "generated-shared-secret")).isPresent());
    assertEquals(List.of("HMAC_SHA256"), recorded.take());
    assertTrue(authentication.authenticate(header("AN-SOMEONE-ELSE", "generated-shared-secret")).isEmpty());
    assertEquals(List.of("HMAC_SHA256 dummy"), recorded.take(), "the dummy of the kind a known Sender meets");
  }

  @Test
  void withChosenSecretsAnUnknownSenderCostsAPbkdf2Round() {
    connections.put(Fixtures.cxmlConnection("chosen", CxmlSettings.BASE64));

    assertTrue(authentication.authenticate(header("AN-DEMO-BUYER", "wrong")).isEmpty());
    assertEquals(List.of("PBKDF2_SHA256"), recorded.take());
    assertTrue(authentication.authenticate(header("AN-SOMEONE-ELSE", "demo-cxml-secret")).isEmpty());
    assertEquals(List.of("PBKDF2_SHA256 dummy"), recorded.take());
  }
}
