package org.punchgate.connection;

import java.util.List;

/**
 * The cXML part of a connection: the buyer's From and Sender credentials it is found by, our own (To)
 * credential written into messages, the form field the PunchOutOrderMessage is posted in
 * ({@code cxml-base64} or {@code cxml-urlencoded}), the cXML version we write, and the extrinsics of a
 * setup request that are passed on to the shop.
 */
public record CxmlSettings(
    List<CxmlCredential> from,
    List<CxmlCredential> sender,
    CxmlCredential to,
    String returnEncoding,
    String version,
    List<String> extrinsicsToShop) implements ProtocolSettings {

  public static final String BASE64 = "cxml-base64";
  public static final String URLENCODED = "cxml-urlencoded";
  public static final String DEFAULT_VERSION = "1.2.063";

  public CxmlSettings {
    from = from == null ? List.of() : List.copyOf(from);
    sender = sender == null ? List.of() : List.copyOf(sender);
    returnEncoding = returnEncoding == null ? BASE64 : returnEncoding;
    version = version == null ? DEFAULT_VERSION : version;
    extrinsicsToShop = extrinsicsToShop == null ? List.of() : List.copyOf(extrinsicsToShop);
    if (!BASE64.equals(returnEncoding) && !URLENCODED.equals(returnEncoding)) {
      throw new IllegalArgumentException("returnEncoding must be cxml-base64 or cxml-urlencoded");
    }
  }

  /** A cXML connection is found by each of its Sender credentials. */
  @Override
  public List<ConnectionAlias> aliases() {
    return sender.stream().map(c -> ConnectionAlias.cxmlSender(c.domain(), c.identity())).toList();
  }
}
