package org.punchgate.cxml;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.punchgate.validation.Violation;
import org.punchgate.xml.SecureXml;
import org.punchgate.xml.XmlElement;

/**
 * Reads a cXML document (SPECS §2.2–2.3) with {@link SecureXml}: the envelope and header, and the payloads
 * we act on (PunchOutSetupRequest, ProfileRequest, PunchOutOrderMessage, Response). Anything else is
 * returned as {@link CxmlPayload.Other} for the caller to refuse. Problems come back as violations that
 * name the element path and line, never as exceptions. Reading is lenient where real documents vary
 * (whitespace around URLs and identities, domain case) and strict where the DTD requires something we use.
 */
public final class CxmlReader {

  private static final Pattern DTD_VERSION = Pattern.compile("/cXML/(\\d+\\.\\d+\\.\\d+)/", Pattern.CASE_INSENSITIVE);

  private CxmlReader() {}

  /** A read document, or the violations that prevent reading it. */
  public sealed interface Result {
    record Read(CxmlDocument document) implements Result {}

    record Invalid(List<Violation> violations) implements Result {}
  }

  public static Result read(byte[] document) {
    SecureXml.Parsed parsed = SecureXml.parse(document);
    if (parsed instanceof SecureXml.Parsed.Malformed m) {
      String where = m.line() > 0 ? "line " + m.line() : "document";
      return new Result.Invalid(List.of(new Violation("cxml.xml.wellFormed", where, "not well-formed XML: " + m.message())));
    }
    return read((SecureXml.Parsed.Document) parsed);
  }

  /**
   * Reads the envelope and header of a document already parsed by {@link SecureXml} (the PunchIn sniffer
   * parses once and hands over the tree). Payloads this reader does not know, such as OrderRequest, come
   * back as {@link CxmlPayload.Other}; their own reader takes them from the tree.
   */
  public static Result read(SecureXml.Parsed.Document doc) {
    Reading reading = new Reading();
    CxmlDocument read = reading.envelope(doc.doctype(), doc.root());
    return reading.violations.isEmpty() ? new Result.Read(read) : new Result.Invalid(reading.violations);
  }

  /** A cXML {@code Address} element (ShipTo, BillTo) as read everywhere else in this reader. */
  public static CxmlAddress address(XmlElement a) {
    XmlElement postal = a.child("PostalAddress");
    List<String> deliverTo = new ArrayList<>();
    List<String> street = new ArrayList<>();
    String city = null;
    String state = null;
    String postalCode = null;
    String countryCode = null;
    String country = null;
    if (postal != null) {
      postal.children("DeliverTo").forEach(d -> deliverTo.add(d.allText().strip()));
      postal.children("Street").forEach(s -> street.add(s.allText().strip()));
      city = postal.childText("City");
      state = postal.childText("State");
      postalCode = postal.childText("PostalCode");
      XmlElement c = postal.child("Country");
      if (c != null) {
        countryCode = c.attribute("isoCountryCode");
        country = c.allText().strip();
      }
    }
    return new CxmlAddress(a.attribute("addressID"), a.attribute("addressIDDomain"), a.childText("Name"), deliverTo, street, city, state,
        postalCode, countryCode, country);
  }

  /** A SupplierPartAuxiliaryID exactly as sent (ANY content): its text, or its markup when it holds elements. */
  public static String supplierPartAuxiliaryId(XmlElement auxiliaryId) {
    return CxmlItemReader.auxiliaryId(auxiliaryId);
  }

  /** The cXML version named by a DOCTYPE's system id ({@code .../cXML/1.2.050/cXML.dtd}), or null. */
  static String versionOfDoctype(String doctype) {
    return SecureXml.systemId(doctype).map(id -> {
      Matcher m = DTD_VERSION.matcher(id);
      return m.find() ? m.group(1) : null;
    }).orElse(null);
  }

  /** The envelope and header; the payload goes to {@link CxmlPayloadReader}. */
  private static final class Reading {
    final CxmlChecks checks = new CxmlChecks();
    final List<Violation> violations = checks.violations;

    CxmlDocument envelope(String doctype, XmlElement root) {
      if (!"cXML".equals(root.name())) {
        checks.problem("/" + root.name(), root, "the root element must be cXML");
        return null;
      }
      String path = "/cXML";
      String payloadId = checks.required(root, path, "payloadID");
      String timestamp = checks.required(root, path, "timestamp");
      String version = root.attribute("version");
      if (version == null) {
        version = versionOfDoctype(doctype);
      }
      XmlElement header = root.child("Header");
      XmlElement request = root.child("Request");
      XmlElement message = root.child("Message");
      XmlElement response = root.child("Response");
      CxmlHeader parsedHeader = header == null ? null : header(header, path + "/Header");
      CxmlPayloadReader payloads = new CxmlPayloadReader(checks);
      CxmlPayload payload;
      String deploymentMode = "production";
      if (response != null) {
        payload = payloads.response(response, path + "/Response");
      } else if (request != null || message != null) {
        if (header == null) {
          checks.problem(path + "/Header", root, "is missing");
        }
        XmlElement body = request != null ? request : message;
        String bodyPath = path + "/" + body.name();
        if (body.attribute("deploymentMode") != null) {
          deploymentMode = body.attribute("deploymentMode").strip();
        }
        payload = payloads.body(body, bodyPath);
      } else {
        checks.problem(path, root, "contains neither Request, Message nor Response");
        payload = null;
      }
      return new CxmlDocument(payloadId, timestamp, version, root.attribute("xml:lang"), parsedHeader,
          deploymentMode, payload);
    }

    CxmlHeader header(XmlElement header, String path) {
      List<CxmlHeader.SentCredential> from = credentials(header.child("From"), path + "/From");
      List<CxmlHeader.SentCredential> to = credentials(header.child("To"), path + "/To");
      XmlElement sender = header.child("Sender");
      List<CxmlHeader.SentCredential> senders = credentials(sender, path + "/Sender");
      String userAgent = sender == null ? null : sender.childText("UserAgent");
      return new CxmlHeader(from, to, senders, userAgent);
    }

    List<CxmlHeader.SentCredential> credentials(XmlElement party, String path) {
      List<CxmlHeader.SentCredential> list = new ArrayList<>();
      if (party == null) {
        violations.add(new Violation("cxml.element.required", path, "is missing"));
        return list;
      }
      List<XmlElement> credentials = party.children("Credential");
      if (credentials.isEmpty()) {
        checks.problem(path + "/Credential", party, "is missing");
      }
      for (int i = 0; i < credentials.size(); i++) {
        XmlElement c = credentials.get(i);
        String at = path + "/Credential[" + (i + 1) + "]";
        String domain = checks.required(c, at, "domain");
        String identity = c.childText("Identity");
        if (identity == null || identity.isEmpty()) {
          checks.problem(at + "/Identity", c, "is missing or empty");
        }
        // a shared secret is compared exactly as sent: no stripping
        XmlElement secret = c.child("SharedSecret");
        list.add(new CxmlHeader.SentCredential(domain == null ? null : domain.strip(), identity,
            secret == null ? null : secret.allText()));
      }
      return list;
    }
  }
}
