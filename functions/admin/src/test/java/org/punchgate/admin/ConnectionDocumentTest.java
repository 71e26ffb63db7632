package org.punchgate.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.connection.VersionedConnection;
import org.punchgate.json.Json;
import org.punchgate.security.SecretVerifier;
import org.punchgate.testing.Fixtures;

class ConnectionDocumentTest {

  @Test
  void tellsWhatKindOfSecretIsSetAndUntilWhenTheOneBeforeStillWorks() {
    Instant until = Instant.parse("2027-01-15T08:00:00Z");
    String rotated = SecretVerifier.rotated("hmac-sha256$bWFj", Fixtures.hash("old"), until);

    assertEquals("{\"set\":true,\"kind\":\"generated\",\"previousValidUntil\":\"2027-01-15T08:00:00Z\"}",
        Json.write(ConnectionDocument.secret(rotated)));
    assertEquals("{\"set\":true,\"kind\":\"chosen\",\"previousValidUntil\":null}",
        Json.write(ConnectionDocument.secret(Fixtures.hash("chosen"))));
    assertEquals("{\"set\":false,\"kind\":null,\"previousValidUntil\":null}",
        Json.write(ConnectionDocument.secret(null)));
  }

  @Test
  void aDocumentCarriesTheVersionAndNoHash() {
    var connection = Fixtures.ociConnection("doc-oci", ConnectionFormat.OCI_4_0);
    var document = ConnectionDocument.of(new VersionedConnection(connection, 7));

    assertEquals(7, document.get("version").asInt());
    assertEquals("doc-oci", Json.text(document, "id"));
    assertFalse(Json.write(document).contains(connection.secretHash()));
    assertFalse(document.has("secretHash"));
  }
}
