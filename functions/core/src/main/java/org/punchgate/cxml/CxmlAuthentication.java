package org.punchgate.cxml;

import java.util.List;
import java.util.Optional;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionAlias;
import org.punchgate.connection.ConnectionStore;
import org.punchgate.connection.CxmlCredential;
import org.punchgate.security.SecretVerifier;

/**
 * Finds the connection of a cXML request by its Sender credential and checks its SharedSecret; an unknown
 * sender costs the same time as a wrong secret. Where the connection lists From credentials, one of them
 * must match too.
 */
public final class CxmlAuthentication {

  /** The connection and the Sender credential it was found by. */
  public record Authenticated(Connection connection, CxmlHeader.SentCredential sender) {}

  private final ConnectionStore connections;
  private final SecretVerifier secrets;

  public CxmlAuthentication(ConnectionStore connections, SecretVerifier secrets) {
    this.connections = connections;
    this.secrets = secrets;
  }

  public Optional<Authenticated> authenticate(CxmlHeader header) {
    CxmlHeader.SentCredential matched = null;
    Connection connection = null;
    for (CxmlHeader.SentCredential sender : header.sender()) {
      if (sender.domain() == null || sender.identity() == null
          || !CxmlCredential.fitsLookup(sender.domain(), sender.identity())) {
        continue; // an oversized credential cannot be ours: no lookup for it
      }
      Optional<Connection> found = connections.findByAlias(ConnectionAlias.cxmlSender(sender.domain(), sender.identity()));
      if (found.isPresent() && found.get().cxml() != null) {
        connection = found.get();
        matched = sender;
        break;
      }
    }
    if (connection == null) {
      secrets.verifyAgainstNothing(header.sender().isEmpty() ? null : header.sender().get(0).sharedSecret());
      return Optional.empty();
    }
    if (!secrets.verify(matched.sharedSecret(), connection.secretHash())) {
      return Optional.empty();
    }
    List<CxmlCredential> allowedFrom = connection.cxml().from();
    if (!allowedFrom.isEmpty() && header.from().stream().noneMatch(
        f -> allowedFrom.stream().anyMatch(a -> a.matches(f.domain(), f.identity())))) {
      return Optional.empty();
    }
    return Optional.of(new Authenticated(connection, matched));
  }
}
