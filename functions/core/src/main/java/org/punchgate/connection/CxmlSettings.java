package org.punchgate.connection;

import java.util.List;

/**
 * The cXML part of a connection: the buyer's From and Sender credentials it is found by, our own (To)
 * credential written into messages, the form field the PunchOutOrderMessage is posted in
 * ({@code cxml-base64} or {@code cxml-urlencoded}), the cXML version we write, the extrinsics of a
 * setup request that are passed on to the shop, and {@code operationAllowed}: the most a returned cart
 * lets the buyer do with it later (edit by default; inspect or create forbid editing it again).
 */
public record CxmlSettings(
    List<CxmlCredential> from,
    List<CxmlCredential> sender,
    CxmlCredential to,
    String returnEncoding,
    String version,
    List<String> extrinsicsToShop,
    PunchOutOperation operationAllowed) implements ProtocolSettings {

  public static final String BASE64 = "cxml-base64";
  public static final String URLENCODED = "cxml-urlencoded";
  public static final String DEFAULT_VERSION = "1.2.063";

  public CxmlSettings {
    from = from == null ? List.of() : List.copyOf(from);
    sender = sender == null ? List.of() : List.copyOf(sender);
    returnEncoding = returnEncoding == null ? BASE64 : returnEncoding;
    version = version == null ? DEFAULT_VERSION : version;
    extrinsicsToShop = extrinsicsToShop == null ? List.of() : List.copyOf(extrinsicsToShop);
    operationAllowed = operationAllowed == null ? PunchOutOperation.EDIT : operationAllowed;
    if (operationAllowed == PunchOutOperation.SOURCE) {
      throw new IllegalArgumentException("operationAllowed must be create, inspect or edit");
    }
    if (!BASE64.equals(returnEncoding) && !URLENCODED.equals(returnEncoding)) {
      throw new IllegalArgumentException("returnEncoding must be cxml-base64 or cxml-urlencoded");
    }
  }

  /** Settings that allow edit, the default. */
  public CxmlSettings(List<CxmlCredential> from, List<CxmlCredential> sender, CxmlCredential to,
      String returnEncoding, String version, List<String> extrinsicsToShop) {
    this(from, sender, to, returnEncoding, version, extrinsicsToShop, null);
  }

  /** A cXML connection is found by each of its Sender credentials. */
  @Override
  public List<ConnectionAlias> aliases() {
    return sender.stream().map(c -> ConnectionAlias.cxmlSender(c.domain(), c.identity())).toList();
  }
}
