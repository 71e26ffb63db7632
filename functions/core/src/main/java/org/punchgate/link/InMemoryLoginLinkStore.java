package org.punchgate.link;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Login links in memory: for tests, the benchmark and wirings without DynamoDB. */
public final class InMemoryLoginLinkStore implements LoginLinkStore {

  private final Map<String, LoginLink> links = new ConcurrentHashMap<>();

  @Override
  public void create(LoginLink link) {
    if (links.putIfAbsent(link.id(), link) != null) {
      throw new IllegalStateException("a login link with this id exists");
    }
  }

  @Override
  public Optional<LoginLink> find(String linkId) {
    return Optional.ofNullable(links.get(linkId));
  }

  @Override
  public List<LoginLink> byConnection(String connectionId) {
    return links.values().stream().filter(l -> l.connectionId().equals(connectionId))
        .sorted(Comparator.comparing(LoginLink::createdAt).thenComparing(LoginLink::id)).toList();
  }

  @Override
  public synchronized Revocation revoke(String linkId, Instant now) {
    LoginLink link = links.get(linkId);
    if (link == null) {
      return new Revocation.NotFound();
    }
    if (link.revokedAt() != null) {
      return new Revocation.AlreadyRevoked(link);
    }
    LoginLink revoked = link.revoked(now);
    links.put(linkId, revoked);
    return new Revocation.Revoked(revoked);
  }
}
