package org.punchgate.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.punchgate.cart.Classification;
import org.punchgate.connection.CxmlCredential;
import org.punchgate.connection.CxmlSettings;
import org.punchgate.json.Json;
import org.punchgate.security.SecretHash;

/**
 * The documented JSON shape of a connection (README "Configuration"), used for stored items and for seed
 * files. A seed may give the plain {@code password} (OCI, PEPPOL, and each of {@code users}) or {@code sharedSecret}
 * (cXML): it is hashed on reading and only {@code secretHash} is ever written. The top-level {@code username} is the
 * connection's first user; a document with {@code users} only takes its first entry as the first user.
 */
public final class ConnectionJson {

  private ConnectionJson() {}

  /**
   * The connection of a stored item or seed entry. A document with problems is refused with all of them in
   * one message (missing fields, an unknown format, bad cXML settings), so a seed file is fixed in one go.
   */
  public static Connection read(JsonNode n, SecureRandom random) {
    List<String> problems = new ArrayList<>();
    String id = required(n, "id", problems);
    ConnectionFormat format = format(required(n, "format", problems), problems);
    String userGroup = required(n, "userGroup", problems);
    String shopStartUrl = required(n, "shopStartUrl", problems);
    JsonNode cxmlNode = n.get("cxml");
    CxmlSettings cxml = cxmlNode == null || cxmlNode.isNull() ? null : readCxml(cxmlNode, problems);
    JsonNode peppolNode = n.get("peppol");
    PeppolSettings peppol = format != ConnectionFormat.PEPPOL_PUNCHOUT ? null
        : PeppolJson.read(peppolNode == null || peppolNode.isNull() ? Json.object() : peppolNode, problems);
    JsonNode punchInNode = n.get("punchIn");
    PunchInPolicy punchIn = punchInNode == null || punchInNode.isNull() ? null
        : PunchInPolicyJson.read(punchInNode, problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    JsonNode login = n.path("loginParameters");
    Map<String, FieldSource> mapping = new LinkedHashMap<>();
    Json.stringMap(n, "fieldMapping").forEach((target, source) -> mapping.put(target, FieldSource.parse(source)));
    JsonNode cls = n.get("defaultClassification");
    List<ConnectionUser> users = new ArrayList<>();
    if (Json.text(n, "username") != null) {
      users.add(new ConnectionUser(Json.text(n, "username"), secretHash(n, cxmlNode, random)));
    }
    JsonNode more = n.get("users");
    if (more != null && more.isArray()) {
      more.forEach(u -> users.add(new ConnectionUser(Json.text(u, "username"), secretHash(u, null, random))));
    }
    ConnectionUser first = users.isEmpty() ? new ConnectionUser(null, secretHash(n, cxmlNode, random)) : users.get(0);
    return new Connection(
        id,
        Json.text(n, "name") == null ? id : Json.text(n, "name"),
        n.path("active").asBoolean(true),
        format,
        userGroup,
        new LoginParameterNames(Json.text(login, "username"), Json.text(login, "password"), Json.text(login, "hookUrl")),
        first.username(),
        first.secretHash(),
        strings(n.get("allowedReturnOrigins")),
        shopStartUrl,
        n.has("sessionLifetimeMinutes") ? Duration.ofMinutes(n.get("sessionLifetimeMinutes").asLong()) : null,
        new FieldMapping(mapping),
        Json.stringMap(n, "unitMap"),
        cls == null || cls.isNull() ? null : new Classification(Json.text(cls, "scheme"), Json.text(cls, "code")),
        cxml != null ? cxml : peppol,
        users.isEmpty() ? List.of() : users.subList(1, users.size()),
        punchIn);
  }

  /** The stored hash, or the hash of a seed's plain {@code password} (OCI) or {@code sharedSecret} (cXML). */
  private static String secretHash(JsonNode n, JsonNode cxmlNode, SecureRandom random) {
    String secretHash = Json.text(n, "secretHash");
    String plain = Json.text(n, "password");
    if (plain == null && cxmlNode != null) {
      plain = Json.text(cxmlNode, "sharedSecret");
    }
    return secretHash == null && plain != null ? SecretHash.hash(plain, random) : secretHash;
  }

  private static ConnectionFormat format(String name, List<String> problems) {
    if (name == null) {
      return null;
    }
    try {
      return ConnectionFormat.valueOf(name);
    } catch (IllegalArgumentException e) {
      problems.add("connection field 'format' must be one of " + java.util.Arrays.toString(ConnectionFormat.values()));
      return null;
    }
  }

  public static ObjectNode write(Connection c) {
    ObjectNode n = Json.object();
    n.put("id", c.id());
    n.put("name", c.name());
    n.put("active", c.active());
    n.put("format", c.format().name());
    n.put("userGroup", c.userGroup());
    if (!c.loginParameters().equals(LoginParameterNames.DEFAULT)) {
      ObjectNode login = n.putObject("loginParameters");
      login.put("username", c.loginParameters().username());
      login.put("password", c.loginParameters().password());
      login.put("hookUrl", c.loginParameters().hookUrl());
    }
    Json.putIfPresent(n, "username", c.username());
    Json.putIfPresent(n, "secretHash", c.secretHash());
    if (!c.moreUsers().isEmpty()) {
      ArrayNode users = n.putArray("users");
      for (ConnectionUser u : c.moreUsers()) {
        ObjectNode user = users.addObject();
        user.put("username", u.username());
        Json.putIfPresent(user, "secretHash", u.secretHash());
      }
    }
    ArrayNode origins = n.putArray("allowedReturnOrigins");
    c.allowedReturnOrigins().forEach(origins::add);
    n.put("shopStartUrl", c.shopStartUrl());
    n.put("sessionLifetimeMinutes", c.sessionLifetime().toMinutes());
    ObjectNode mapping = n.putObject("fieldMapping");
    c.fieldMapping().sources().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> mapping.put(e.getKey(), e.getValue().toString()));
    n.set("unitMap", Json.fromMap(new java.util.TreeMap<>(c.unitMap())));
    if (c.defaultClassification() != null) {
      ObjectNode cls = n.putObject("defaultClassification");
      cls.put("scheme", c.defaultClassification().scheme());
      cls.put("code", c.defaultClassification().code());
    }
    if (c.cxml() != null) {
      n.set("cxml", writeCxml(c.cxml()));
    }
    if (c.peppol() != null) {
      n.set("peppol", PeppolJson.write(c.peppol()));
    }
    if (!c.punchIn().equals(PunchInPolicy.DEFAULTS)) {
      n.set("punchIn", PunchInPolicyJson.write(c.punchIn()));
    }
    return n;
  }

  private static CxmlSettings readCxml(JsonNode n, List<String> problems) {
    JsonNode to = n.get("to");
    int before = problems.size();
    PunchOutOperation operationAllowed = operationAllowed(Json.text(n, "operationAllowed"), problems);
    List<CxmlCredential> from = credentials(n.get("from"), "cxml.from", problems);
    List<CxmlCredential> sender = credentials(n.get("sender"), "cxml.sender", problems);
    if (problems.size() > before) {
      return null;
    }
    try {
      return new CxmlSettings(from, sender,
          to == null || to.isNull() ? null : new CxmlCredential(Json.text(to, "domain"), Json.text(to, "identity")),
          Json.text(n, "returnEncoding"),
          Json.text(n, "version"),
          strings(n.get("extrinsicsToShop")),
          operationAllowed);
    } catch (IllegalArgumentException e) {
      problems.add("cxml: " + e.getMessage());
      return null;
    }
  }

  private static PunchOutOperation operationAllowed(String value, List<String> problems) {
    if (value == null) {
      return null;
    }
    return PunchOutOperation.of(value).orElseGet(() -> {
      problems.add("connection field 'cxml.operationAllowed' must be create, inspect or edit");
      return null;
    });
  }

  private static ObjectNode writeCxml(CxmlSettings s) {
    ObjectNode n = Json.object();
    n.set("from", writeCredentials(s.from()));
    n.set("sender", writeCredentials(s.sender()));
    if (s.to() != null) {
      ObjectNode to = n.putObject("to");
      to.put("domain", s.to().domain());
      to.put("identity", s.to().identity());
    }
    n.put("returnEncoding", s.returnEncoding());
    n.put("version", s.version());
    ArrayNode extrinsics = n.putArray("extrinsicsToShop");
    s.extrinsicsToShop().forEach(extrinsics::add);
    n.put("operationAllowed", s.operationAllowed().value());
    return n;
  }

  private static List<CxmlCredential> credentials(JsonNode array, String at, List<String> problems) {
    List<CxmlCredential> list = new ArrayList<>();
    if (array != null && array.isArray()) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode c = array.get(i);
        String where = at + "[" + i + "].";
        list.add(new CxmlCredential(required(c, "domain", where, problems), required(c, "identity", where, problems)));
      }
    }
    return list;
  }

  private static ArrayNode writeCredentials(List<CxmlCredential> credentials) {
    ArrayNode array = Json.array();
    for (CxmlCredential c : credentials) {
      ObjectNode o = array.addObject();
      o.put("domain", c.domain());
      o.put("identity", c.identity());
    }
    return array;
  }

  private static List<String> strings(JsonNode array) {
    List<String> list = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(v -> list.add(v.asText()));
    }
    return list;
  }

  private static String required(JsonNode n, String field, List<String> problems) {
    return required(n, field, "", problems);
  }

  private static String required(JsonNode n, String field, String at, List<String> problems) {
    String value = Json.text(n, field);
    if (value == null || value.isBlank()) {
      problems.add("connection field '" + at + field + "' is required");
      return null;
    }
    return value;
  }
}
