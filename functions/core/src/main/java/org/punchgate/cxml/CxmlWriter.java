package org.punchgate.cxml;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.punchgate.connection.CxmlCredential;
import org.punchgate.xml.XmlWriter;

/**
 * Writes the cXML documents we send (SPECS §2.2–2.3): a Response with its Status, a
 * PunchOutSetupResponse, a ProfileResponse, and the envelope and header of a PunchOutOrderMessage (whose
 * items {@link CxmlCartRenderer} writes). Every document declares the DTD of its version, which must be
 * one of the 1.2.x versions: the element order here follows those DTDs.
 */
public final class CxmlWriter {

  /** cXML timestamps: ISO 8601 with an explicit offset ({@code 2026-01-31T12:00:00+00:00}). */
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  private CxmlWriter() {}

  /** What every document we write starts with: its own payloadID, timestamp, version and language. */
  public record Envelope(String payloadId, Instant timestamp, String version, String lang) {}

  /** The DOCTYPE system id of a cXML version (SPECS §2.2); resolved locally by tests, never fetched. */
  public static String systemId(String version) {
    return "http://xml.cxml.org/schemas/cXML/" + version + "/cXML.dtd";
  }

  public static String timestamp(Instant instant) {
    return TIMESTAMP.format(instant.atOffset(ZoneOffset.UTC));
  }

  /** {@code <Response><Status/></Response>}: an answer without a response element (errors, plain OK). */
  public static String response(Envelope envelope, CxmlStatus status) {
    XmlWriter w = begin(envelope);
    w.start("Response");
    status(w, status);
    w.end().end();
    return w.toString();
  }

  public static String punchOutSetupResponse(Envelope envelope, String startPageUrl) {
    XmlWriter w = begin(envelope);
    w.start("Response");
    status(w, CxmlStatus.ok());
    w.start("PunchOutSetupResponse").start("StartPage").element("URL", startPageUrl).end().end();
    w.end().end();
    return w.toString();
  }

  /**
   * A ProfileResponse: the requests we accept, each at its URL. {@code effectiveDate} must not be in the
   * future (the DTD's note: new clients may need to talk to the server at once).
   */
  public static String profileResponse(Envelope envelope, Instant effectiveDate, List<Transaction> transactions) {
    XmlWriter w = begin(envelope);
    w.start("Response");
    status(w, CxmlStatus.ok());
    w.start("ProfileResponse").attribute("effectiveDate", timestamp(effectiveDate));
    for (Transaction t : transactions) {
      w.start("Transaction").attribute("requestName", t.requestName()).element("URL", t.url()).end();
    }
    w.end().end().end();
    return w.toString();
  }

  /** One entry of a ProfileResponse. */
  public record Transaction(String requestName, String url) {}

  /** Declaration, DOCTYPE and the open {@code cXML} element. */
  static XmlWriter begin(Envelope envelope) {
    return begin(envelope, 2048);
  }

  static XmlWriter begin(Envelope envelope, int expectedChars) {
    XmlWriter w = XmlWriter.document(expectedChars).doctype("cXML", systemId(envelope.version()));
    w.start("cXML")
        .attribute("payloadID", envelope.payloadId())
        .attribute("timestamp", timestamp(envelope.timestamp()))
        .attribute("version", envelope.version())
        .attribute("xml:lang", envelope.lang());
    return w;
  }

  static void status(XmlWriter w, CxmlStatus status) {
    w.start("Status").attribute("code", Integer.toString(status.code())).attribute("text", status.text());
    if (status.detail() != null) {
      w.attribute("xml:lang", "en").text(status.detail());
    }
    w.end();
  }

  /** {@code <From>}, {@code <To>} or {@code <Sender>}: credentials without secrets; a Sender adds its UserAgent. */
  static void party(XmlWriter w, String element, List<CxmlCredential> credentials, String userAgent) {
    w.start(element);
    for (CxmlCredential c : credentials) {
      w.start("Credential").attribute("domain", c.domain()).element("Identity", c.identity()).end();
    }
    if (userAgent != null) {
      w.element("UserAgent", userAgent);
    }
    w.end();
  }
}
