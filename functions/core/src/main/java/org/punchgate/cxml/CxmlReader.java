package org.punchgate.cxml;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.punchgate.cart.Cart;
import org.punchgate.cart.CartLine;
import org.punchgate.cart.Classification;
import org.punchgate.connection.PunchOutOperation;
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
  public static CxmlAddress address(XmlElement address) {
    return Reading.address(address);
  }

  /** A SupplierPartAuxiliaryID exactly as sent (ANY content): its text, or its markup when it holds elements. */
  public static String supplierPartAuxiliaryId(XmlElement auxiliaryId) {
    return Reading.auxiliaryId(auxiliaryId);
  }

  /** The cXML version named by a DOCTYPE's system id ({@code .../cXML/1.2.050/cXML.dtd}), or null. */
  static String versionOfDoctype(String doctype) {
    return SecureXml.systemId(doctype).map(id -> {
      Matcher m = DTD_VERSION.matcher(id);
      return m.find() ? m.group(1) : null;
    }).orElse(null);
  }

  private static final class Reading {
    final List<Violation> violations = new ArrayList<>();

    CxmlDocument envelope(String doctype, XmlElement root) {
      if (!"cXML".equals(root.name())) {
        problem("/" + root.name(), root, "the root element must be cXML");
        return null;
      }
      String path = "/cXML";
      String payloadId = required(root, path, "payloadID");
      String timestamp = required(root, path, "timestamp");
      String version = root.attribute("version");
      if (version == null) {
        version = versionOfDoctype(doctype);
      }
      XmlElement header = root.child("Header");
      XmlElement request = root.child("Request");
      XmlElement message = root.child("Message");
      XmlElement response = root.child("Response");
      CxmlHeader parsedHeader = header == null ? null : header(header, path + "/Header");
      CxmlPayload payload;
      String deploymentMode = "production";
      if (response != null) {
        payload = response(response, path + "/Response");
      } else if (request != null || message != null) {
        if (header == null) {
          problem(path + "/Header", root, "is missing");
        }
        XmlElement body = request != null ? request : message;
        String bodyPath = path + "/" + body.name();
        if (body.attribute("deploymentMode") != null) {
          deploymentMode = body.attribute("deploymentMode").strip();
        }
        payload = body(body, bodyPath);
      } else {
        problem(path, root, "contains neither Request, Message nor Response");
        payload = null;
      }
      return new CxmlDocument(payloadId, timestamp, version, root.attribute("xml:lang"), parsedHeader,
          deploymentMode, payload);
    }

    CxmlHeader header(XmlElement header, String path) {
      List<CxmlHeader.Credential> from = credentials(header.child("From"), path + "/From");
      List<CxmlHeader.Credential> to = credentials(header.child("To"), path + "/To");
      XmlElement sender = header.child("Sender");
      List<CxmlHeader.Credential> senders = credentials(sender, path + "/Sender");
      String userAgent = sender == null ? null : sender.childText("UserAgent");
      return new CxmlHeader(from, to, senders, userAgent);
    }

    List<CxmlHeader.Credential> credentials(XmlElement party, String path) {
      List<CxmlHeader.Credential> list = new ArrayList<>();
      if (party == null) {
        violations.add(new Violation("cxml.element.required", path, "is missing"));
        return list;
      }
      List<XmlElement> credentials = party.children("Credential");
      if (credentials.isEmpty()) {
        problem(path + "/Credential", party, "is missing");
      }
      for (int i = 0; i < credentials.size(); i++) {
        XmlElement c = credentials.get(i);
        String at = path + "/Credential[" + (i + 1) + "]";
        String domain = required(c, at, "domain");
        String identity = c.childText("Identity");
        if (identity == null || identity.isEmpty()) {
          problem(at + "/Identity", c, "is missing or empty");
        }
        // a shared secret is compared exactly as sent: no stripping
        XmlElement secret = c.child("SharedSecret");
        list.add(new CxmlHeader.Credential(domain == null ? null : domain.strip(), identity,
            secret == null ? null : secret.allText()));
      }
      return list;
    }

    CxmlPayload body(XmlElement body, String path) {
      List<XmlElement> children = new ArrayList<>();
      for (XmlElement child : body.children()) {
        if (!child.name().equals("Status")) { // a Message may start with a Status
          children.add(child);
        }
      }
      if (children.size() != 1) {
        problem(path, body, "must contain exactly one request or message element, found " + children.size());
        return null;
      }
      XmlElement payload = children.get(0);
      String at = path + "/" + payload.name();
      return switch (payload.name()) {
        case "PunchOutSetupRequest" -> setupRequest(payload, at);
        case "ProfileRequest" -> new CxmlPayload.ProfileRequest();
        case "PunchOutOrderMessage" -> orderMessage(payload, at);
        default -> new CxmlPayload.Other(body.name(), payload.name());
      };
    }

    CxmlPayload.PunchOutSetupRequest setupRequest(XmlElement e, String path) {
      String op = required(e, path, "operation");
      PunchOutOperation operation = op == null ? null : PunchOutOperation.of(op.strip()).orElse(null);
      if (op != null && operation == null) {
        problem(path + "/@operation", e, "must be create, inspect, edit or source, not '" + op + "'");
      }
      XmlElement cookie = e.child("BuyerCookie");
      if (cookie == null) {
        problem(path + "/BuyerCookie", e, "is missing");
      }
      Map<String, String> extrinsics = extrinsics(e, path);
      XmlElement formPost = e.child("BrowserFormPost");
      String formPostUrl = formPost == null ? null : formPost.childText("URL");
      XmlElement supplierSetup = e.child("SupplierSetup");
      List<CxmlContact> contacts = new ArrayList<>();
      for (XmlElement c : e.children("Contact")) {
        contacts.add(new CxmlContact(c.attribute("role"), c.childText("Name"), c.childText("Email")));
      }
      XmlElement shipTo = e.child("ShipTo");
      CxmlAddress address = shipTo == null || shipTo.child("Address") == null ? null : address(shipTo.child("Address"));
      XmlElement selected = e.child("SelectedItem");
      CxmlPayload.SelectedItem selectedItem = null;
      if (selected != null && selected.child("ItemID") != null) {
        XmlElement id = selected.child("ItemID");
        selectedItem = new CxmlPayload.SelectedItem(id.childText("SupplierPartID"),
            id.child("SupplierPartAuxiliaryID") == null ? null : auxiliaryId(id.child("SupplierPartAuxiliaryID")));
      }
      Cart items = items(e.children("ItemOut"), path + "/ItemOut", false);
      return new CxmlPayload.PunchOutSetupRequest(operation, cookie == null ? null : cookie.innerXml(), extrinsics,
          formPostUrl, supplierSetup == null ? null : supplierSetup.childText("URL"), contacts, address,
          selectedItem, items);
    }

    CxmlPayload.PunchOutOrderMessage orderMessage(XmlElement e, String path) {
      XmlElement cookie = e.child("BuyerCookie");
      if (cookie == null) {
        problem(path + "/BuyerCookie", e, "is missing");
      }
      XmlElement header = e.child("PunchOutOrderMessageHeader");
      String headerPath = path + "/PunchOutOrderMessageHeader";
      PunchOutOperation allowed = null;
      BigDecimal total = null;
      String currency = null;
      BigDecimal shipping = null;
      BigDecimal tax = null;
      if (header == null) {
        problem(headerPath, e, "is missing");
      } else {
        String op = required(header, headerPath, "operationAllowed");
        allowed = op == null ? null : PunchOutOperation.of(op.strip()).filter(o -> o != PunchOutOperation.SOURCE).orElse(null);
        if (op != null && allowed == null) {
          problem(headerPath + "/@operationAllowed", header, "must be create, inspect or edit, not '" + op + "'");
        }
        XmlElement money = header.child("Total") == null ? null : header.child("Total").child("Money");
        if (money == null) {
          problem(headerPath + "/Total/Money", header, "is missing");
        } else {
          total = decimal(money.allText(), headerPath + "/Total/Money", money);
          currency = money.attribute("currency");
        }
        shipping = optionalMoney(header.child("Shipping"), headerPath + "/Shipping/Money");
        tax = optionalMoney(header.child("Tax"), headerPath + "/Tax/Money");
      }
      Cart items = items(e.children("ItemIn"), path + "/ItemIn", true);
      Cart cart = new Cart(items.currency() != null ? items.currency() : currency, items.lines(), shipping, tax);
      return new CxmlPayload.PunchOutOrderMessage(cookie == null ? null : cookie.innerXml(), allowed, total,
          currency, cart);
    }

    BigDecimal optionalMoney(XmlElement holder, String path) {
      if (holder == null || holder.child("Money") == null) {
        return null;
      }
      return decimal(holder.child("Money").allText(), path, holder.child("Money"));
    }

    CxmlPayload.Response response(XmlElement e, String path) {
      XmlElement status = e.child("Status");
      CxmlStatus parsed = null;
      if (status == null) {
        problem(path + "/Status", e, "is missing");
      } else {
        String code = required(status, path + "/Status", "code");
        int value = 0;
        try {
          value = code == null ? 0 : Integer.parseInt(code.strip());
        } catch (NumberFormatException nfe) {
          problem(path + "/Status/@code", status, "is not a number: '" + code + "'");
        }
        String detail = status.allText().strip();
        parsed = new CxmlStatus(value, status.attribute("text"), detail.isEmpty() ? null : detail);
      }
      String responseName = null;
      String startPage = null;
      for (XmlElement child : e.children()) {
        if (!child.name().equals("Status")) {
          responseName = child.name();
          XmlElement page = child.child("StartPage");
          if (page != null) {
            startPage = page.childText("URL");
          }
        }
      }
      return new CxmlPayload.Response(parsed, responseName, startPage);
    }

    Map<String, String> extrinsics(XmlElement holder, String path) {
      Map<String, String> extrinsics = new LinkedHashMap<>();
      for (XmlElement x : holder.children("Extrinsic")) {
        String name = required(x, path + "/Extrinsic", "name");
        if (name != null) {
          extrinsics.putIfAbsent(name, x.allText().strip());
        }
      }
      return extrinsics;
    }

    Cart items(List<XmlElement> items, String path, boolean detailRequired) {
      List<CartLine> lines = new ArrayList<>();
      String currency = null;
      for (int i = 0; i < items.size(); i++) {
        XmlElement item = items.get(i);
        String at = path + "[" + (i + 1) + "]";
        CartLine line = line(item, at, i, detailRequired);
        if (line != null) {
          lines.add(line);
          if (currency == null) {
            currency = line.currency();
          }
        }
      }
      return new Cart(currency, lines, null, null);
    }

    CartLine line(XmlElement item, String at, int index, boolean detailRequired) {
      String quantityText = required(item, at, "quantity");
      BigDecimal quantity = quantityText == null ? null : decimal(quantityText, at + "/@quantity", item);
      if (quantity != null && quantity.signum() <= 0) {
        problem(at + "/@quantity", item, "must be greater than zero");
      }
      String lineNumber = item.attribute("lineNumber");
      String lineId = lineNumber == null || lineNumber.isBlank() ? Integer.toString(index + 1) : lineNumber.strip();
      String parent = item.attribute("parentLineNumber");
      XmlElement id = item.child("ItemID");
      String sku = null;
      String aux = null;
      String buyerSku = null;
      if (id == null) {
        problem(at + "/ItemID", item, "is missing");
      } else {
        sku = id.childText("SupplierPartID");
        if (sku == null) {
          problem(at + "/ItemID/SupplierPartID", id, "is missing");
        }
        aux = id.child("SupplierPartAuxiliaryID") == null ? null : auxiliaryId(id.child("SupplierPartAuxiliaryID"));
        buyerSku = id.childText("BuyerPartID");
      }
      XmlElement detail = item.child("ItemDetail");
      if (detail == null) {
        if (detailRequired) {
          problem(at + "/ItemDetail", item, "is missing");
        }
        return CartLine.builder()
            .lineId(lineId)
            .parentLineId(blankToNull(parent))
            .sku(sku)
            .auxiliaryId(aux)
            .quantity(quantity)
            .buyerSku(buyerSku)
            .attributes(Map.of())
            .build();
      }
      String dp = at + "/ItemDetail";
      XmlElement money = detail.child("UnitPrice") == null ? null : detail.child("UnitPrice").child("Money");
      BigDecimal price = null;
      String currency = null;
      if (money == null) {
        problem(dp + "/UnitPrice/Money", detail, "is missing");
      } else {
        price = decimal(money.allText(), dp + "/UnitPrice/Money", money);
        currency = money.attribute("currency");
      }
      String description = null;
      XmlElement desc = detail.child("Description");
      if (desc != null) {
        String text = desc.ownText().strip();
        description = text.isEmpty() ? desc.childText("ShortName") : text;
      }
      String unit = detail.childText("UnitOfMeasure");
      BigDecimal priceUnit = null;
      XmlElement basis = detail.child("PriceBasisQuantity");
      if (basis != null) {
        BigDecimal q = decimal(basis.attribute("quantity"), dp + "/PriceBasisQuantity/@quantity", basis);
        BigDecimal factor = decimal(basis.attribute("conversionFactor"), dp + "/PriceBasisQuantity/@conversionFactor", basis);
        if (q != null && factor != null && factor.signum() != 0) {
          // the price is for q units of the basis unit; one order unit is `factor` basis units
          try {
            priceUnit = q.divide(factor);
          } catch (ArithmeticException nonTerminating) {
            priceUnit = q.divide(factor, 6, java.math.RoundingMode.HALF_UP);
          }
        }
      }
      Classification classification = null;
      XmlElement cls = detail.child("Classification");
      if (cls != null) {
        String code = cls.allText().strip();
        if (code.isEmpty() && cls.attribute("code") != null) {
          code = cls.attribute("code").strip();
        }
        classification = new Classification(cls.attribute("domain"), code);
      }
      Integer leadTime = null;
      String lead = detail.childText("LeadTime");
      if (lead != null && !lead.isEmpty()) {
        try {
          leadTime = Integer.valueOf(lead);
        } catch (NumberFormatException nfe) {
          problem(dp + "/LeadTime", detail, "is not a whole number of days: '" + lead + "'");
        }
      }
      Map<String, String> attributes = new LinkedHashMap<>(extrinsics(detail, dp));
      extrinsics(item, at).forEach(attributes::putIfAbsent);
      boolean service = "service".equals(item.attribute("itemClassification"));
      return CartLine.builder()
          .lineId(lineId)
          .parentLineId(blankToNull(parent))
          .sku(sku)
          .auxiliaryId(aux)
          .description(description)
          .quantity(quantity)
          .unit(unit)
          .unitPrice(price)
          .priceUnit(priceUnit)
          .currency(currency)
          .leadTimeDays(leadTime)
          .manufacturer(detail.childText("ManufacturerName"))
          .manufacturerSku(detail.childText("ManufacturerPartID"))
          .buyerSku(buyerSku)
          .classification(classification)
          .service(service)
          .attributes(attributes)
          .build();
    }

    /** ANY content: the text as is when it is only text (the usual case), else the markup. */
    static String auxiliaryId(XmlElement e) {
      return e.hasChildElements() ? e.innerXml() : e.allText();
    }

    BigDecimal decimal(String text, String path, XmlElement at) {
      if (text == null) {
        problem(path, at, "is missing");
        return null;
      }
      try {
        return new BigDecimal(text.strip());
      } catch (NumberFormatException e) {
        problem(path, at, "is not a number: '" + text.strip() + "'");
        return null;
      }
    }

    String required(XmlElement e, String path, String attribute) {
      String value = e.attribute(attribute);
      if (value == null || value.isBlank()) {
        problem(path + "/@" + attribute, e, "is missing");
        return null;
      }
      return value;
    }

    void problem(String path, XmlElement near, String message) {
      violations.add(new Violation("cxml.document.content", path + (near != null && near.line() > 0 ? " (line " + near.line() + ")" : ""), message));
    }

    static CxmlAddress address(XmlElement a) {
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

    static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s.strip();
    }
  }
}
