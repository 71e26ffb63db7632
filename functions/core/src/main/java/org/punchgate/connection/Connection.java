package org.punchgate.connection;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.punchgate.cart.Classification;

/**
 * One buyer organisation's access to the gateway: who may log in (credentials, user group), where the
 * buyer may be sent back to (allow-listed origins), where the shop starts, and how a cart is mapped to
 * the buyer's format. {@code username} and {@code secretHash} are the first user (OCI, PEPPOL) or the cXML
 * shared secret; {@code moreUsers} are the connection's further users, each with a secret of its own (all of
 * them log in to the same user group). Only hashes are stored, never a plain secret. {@code protocol} holds what
 * only one protocol needs (null for OCI). {@code punchIn} is how PunchIn treats the orders this connection sends
 * ({@link PunchInPolicy#DEFAULTS} when the connection sets nothing).
 */
public record Connection(
    String id,
    String name,
    boolean active,
    ConnectionFormat format,
    String userGroup,
    LoginParameterNames loginParameters,
    String username,
    String secretHash,
    List<String> allowedReturnOrigins,
    String shopStartUrl,
    Duration sessionLifetime,
    FieldMapping fieldMapping,
    Map<String, String> unitMap,
    Classification defaultClassification,
    ProtocolSettings protocol,
    List<ConnectionUser> moreUsers,
    PunchInPolicy punchIn) {

  public static final Duration DEFAULT_SESSION_LIFETIME = Duration.ofHours(1);
  /** The longest connection id looked up; a longer one from a URL is unknown without asking the store. */
  public static final int MAX_ID_CHARS = 128;

  public Connection {
    loginParameters = loginParameters == null ? LoginParameterNames.DEFAULT : loginParameters;
    allowedReturnOrigins = allowedReturnOrigins == null ? List.of() : List.copyOf(allowedReturnOrigins);
    sessionLifetime = sessionLifetime == null ? DEFAULT_SESSION_LIFETIME : sessionLifetime;
    fieldMapping = fieldMapping == null ? FieldMapping.EMPTY : fieldMapping;
    unitMap = unitMap == null ? Map.of() : Map.copyOf(unitMap);
    moreUsers = moreUsers == null ? List.of() : List.copyOf(moreUsers);
    punchIn = punchIn == null ? PunchInPolicy.DEFAULTS : punchIn;
  }

  /** A connection with these users and PunchIn's default policy. */
  public Connection(String id, String name, boolean active, ConnectionFormat format, String userGroup,
      LoginParameterNames loginParameters, String username, String secretHash, List<String> allowedReturnOrigins,
      String shopStartUrl, Duration sessionLifetime, FieldMapping fieldMapping, Map<String, String> unitMap,
      Classification defaultClassification, ProtocolSettings protocol, List<ConnectionUser> moreUsers) {
    this(id, name, active, format, userGroup, loginParameters, username, secretHash, allowedReturnOrigins,
        shopStartUrl, sessionLifetime, fieldMapping, unitMap, defaultClassification, protocol, moreUsers, null);
  }

  /** A connection with one user (or none): the legacy shape, {@code username} and {@code secretHash} only. */
  public Connection(String id, String name, boolean active, ConnectionFormat format, String userGroup,
      LoginParameterNames loginParameters, String username, String secretHash, List<String> allowedReturnOrigins,
      String shopStartUrl, Duration sessionLifetime, FieldMapping fieldMapping, Map<String, String> unitMap,
      Classification defaultClassification, ProtocolSettings protocol) {
    this(id, name, active, format, userGroup, loginParameters, username, secretHash, allowedReturnOrigins,
        shopStartUrl, sessionLifetime, fieldMapping, unitMap, defaultClassification, protocol, List.of());
  }

  /** Every user who may log in through OCI or PEPPOL, the first one ({@code username}) first. */
  public List<ConnectionUser> users() {
    if (username == null) {
      return moreUsers;
    }
    List<ConnectionUser> all = new java.util.ArrayList<>(moreUsers.size() + 1);
    all.add(new ConnectionUser(username, secretHash));
    all.addAll(moreUsers);
    return all;
  }

  /** The same OCI or PEPPOL connection with these users, in this order (the first one in the legacy fields). */
  public Connection withUsers(List<ConnectionUser> users) {
    ConnectionUser first = users.isEmpty() ? new ConnectionUser(null, null) : users.get(0);
    return new Connection(id, name, active, format, userGroup, loginParameters, first.username(), first.secretHash(),
        allowedReturnOrigins, shopStartUrl, sessionLifetime, fieldMapping, unitMap, defaultClassification, protocol,
        users.isEmpty() ? List.of() : users.subList(1, users.size()), punchIn);
  }

  /** The same connection with another stored secret for its first user, or for cXML its shared secret. */
  public Connection withSecretHash(String newSecretHash) {
    return new Connection(id, name, active, format, userGroup, loginParameters, username, newSecretHash,
        allowedReturnOrigins, shopStartUrl, sessionLifetime, fieldMapping, unitMap, defaultClassification, protocol,
        moreUsers, punchIn);
  }

  /** The same connection without its secret: what a session keeps as its snapshot. */
  public Connection withoutSecret() {
    return new Connection(id, name, active, format, userGroup, loginParameters, username, null,
        allowedReturnOrigins, shopStartUrl, sessionLifetime, fieldMapping, unitMap, defaultClassification, protocol,
        moreUsers.stream().map(ConnectionUser::withoutSecret).toList(), punchIn);
  }

  /** The buyer's unit for a shop unit, through the connection's unit map (unchanged when unmapped). */
  public String buyerUnit(String shopUnit) {
    return shopUnit == null ? null : unitMap.getOrDefault(shopUnit, shopUnit);
  }

  /** The cXML settings of a cXML connection; null for other protocols. */
  public CxmlSettings cxml() {
    return protocol instanceof CxmlSettings cxml ? cxml : null;
  }

  /** The PEPPOL settings of a PEPPOL punch-out connection; null for other protocols. */
  public PeppolSettings peppol() {
    return protocol instanceof PeppolSettings peppol ? peppol : null;
  }

  /** Whether this connection is found by {@code alias} (a cXML Sender credential, ...). */
  public boolean hasAlias(ConnectionAlias alias) {
    return protocol != null && protocol.aliases().contains(alias);
  }
}
