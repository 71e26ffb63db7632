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
import org.punchgate.cxml.CxmlCredential;
import org.punchgate.cxml.CxmlSettings;
import org.punchgate.cxml.PunchOutOperation;
import org.punchgate.json.Json;
import org.punchgate.security.SecretHash;

/**
 * The documented JSON shape of a connection (README "Configuration"), used for stored items and for seed
 * files. A seed may give the plain {@code password} (OCI) or {@code sharedSecret} (cXML): it is hashed on
 * reading and only {@code secretHash} is ever written.
 */
public final class ConnectionJson {

  private ConnectionJson() {}

  public static Connection read(JsonNode n, SecureRandom random) {
    String id = required(n, "id");
    ConnectionFormat format = ConnectionFormat.valueOf(required(n, "format"));
    String secretHash = Json.text(n, "secretHash");
    String plain = Json.text(n, "password");
    JsonNode cxmlNode = n.get("cxml");
    if (plain == null && cxmlNode != null) {
      plain = Json.text(cxmlNode, "sharedSecret");
    }
    if (secretHash == null && plain != null) {
      secretHash = SecretHash.hash(plain, random);
    }
    JsonNode login = n.path("loginParameters");
    Map<String, FieldSource> mapping = new LinkedHashMap<>();
    Json.stringMap(n, "fieldMapping").forEach((target, source) -> mapping.put(target, FieldSource.parse(source)));
    JsonNode cls = n.get("defaultClassification");
    return new Connection(
        id,
        Json.text(n, "name") == null ? id : Json.text(n, "name"),
        n.path("active").asBoolean(true),
        format,
        required(n, "userGroup"),
        new LoginParameterNames(Json.text(login, "username"), Json.text(login, "password"), Json.text(login, "hookUrl")),
        Json.text(n, "username"),
        secretHash,
        strings(n.get("allowedReturnOrigins")),
        required(n, "shopStartUrl"),
        n.has("sessionLifetimeMinutes") ? Duration.ofMinutes(n.get("sessionLifetimeMinutes").asLong()) : null,
        new FieldMapping(mapping),
        Json.stringMap(n, "unitMap"),
        cls == null || cls.isNull() ? null : new Classification(Json.text(cls, "scheme"), Json.text(cls, "code")),
        cxmlNode == null || cxmlNode.isNull() ? null : readCxml(cxmlNode));
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
    return n;
  }

  private static CxmlSettings readCxml(JsonNode n) {
    JsonNode to = n.get("to");
    return new CxmlSettings(
        credentials(n.get("from")),
        credentials(n.get("sender")),
        to == null || to.isNull() ? null : new CxmlCredential(Json.text(to, "domain"), Json.text(to, "identity")),
        Json.text(n, "returnEncoding"),
        Json.text(n, "version"),
        strings(n.get("extrinsicsToShop")),
        operationAllowed(Json.text(n, "operationAllowed")));
  }

  private static PunchOutOperation operationAllowed(String value) {
    if (value == null) {
      return null;
    }
    return PunchOutOperation.of(value).orElseThrow(
        () -> new IllegalArgumentException("cxml.operationAllowed must be create, inspect or edit"));
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

  private static List<CxmlCredential> credentials(JsonNode array) {
    List<CxmlCredential> list = new ArrayList<>();
    if (array != null && array.isArray()) {
      for (JsonNode c : array) {
        list.add(new CxmlCredential(required(c, "domain"), required(c, "identity")));
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

  private static String required(JsonNode n, String field) {
    String value = Json.text(n, field);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("connection field '" + field + "' is required");
    }
    return value;
  }
}
