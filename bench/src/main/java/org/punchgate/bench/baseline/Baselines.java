package org.punchgate.bench.baseline;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathFactory;
import org.punchgate.cart.Cart;
import org.punchgate.cart.CartLine;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a typical Java implementation of the same codecs would do: the JDK's DOM parser with XPath and DOM
 * walking, the JDK's Transformer to write, and a JAXB binding. Configured as safely as ours (no external
 * DTDs or entities), and built once, as a careful implementation would: only per-document work is timed.
 * Each parse extracts what a gateway needs (credentials, cookie, return URL, item lines), so it cannot be
 * optimised away.
 */
public final class Baselines {

  public static final String CXML_DOCTYPE = "http://xml.cxml.org/schemas/cXML/1.2.063/cXML.dtd";

  private final DocumentBuilder dom;
  private final XPathExpression senderIdentity;
  private final XPathExpression buyerCookie;
  private final XPathExpression browserFormPost;
  private final XPathExpression payloadId;
  private final Transformer xmlTransformer;
  private final Transformer htmlTransformer;
  private final JAXBContext jaxb;
  private final XMLInputFactory stax;

  public Baselines() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setExpandEntityReferences(false);
    factory.setXIncludeAware(false);
    dom = factory.newDocumentBuilder();
    XPath xpath = XPathFactory.newInstance().newXPath();
    senderIdentity = xpath.compile("/cXML/Header/Sender/Credential/Identity");
    buyerCookie = xpath.compile("//BuyerCookie");
    browserFormPost = xpath.compile("//BrowserFormPost/URL");
    payloadId = xpath.compile("/cXML/@payloadID");
    TransformerFactory transformers = TransformerFactory.newInstance();
    transformers.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    xmlTransformer = transformers.newTransformer();
    xmlTransformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
    xmlTransformer.setOutputProperty(OutputKeys.DOCTYPE_SYSTEM, CXML_DOCTYPE);
    htmlTransformer = transformers.newTransformer();
    htmlTransformer.setOutputProperty(OutputKeys.METHOD, "html");
    htmlTransformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
    jaxb = JAXBContext.newInstance(CxmlJaxbModel.CXml.class);
    stax = XMLInputFactory.newInstance();
    stax.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    stax.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  /** DOM + XPath: parses a cXML document and extracts what a gateway needs; returns a checksum of it. */
  public int domParse(byte[] xml) throws Exception {
    dom.reset();
    Document doc = dom.parse(new ByteArrayInputStream(xml));
    int sum = payloadId.evaluate(doc).length() + senderIdentity.evaluate(doc).length()
        + buyerCookie.evaluate(doc).length() + browserFormPost.evaluate(doc).length();
    for (String itemTag : new String[] {"ItemIn", "ItemOut"}) {
      NodeList items = doc.getElementsByTagName(itemTag);
      for (int i = 0; i < items.getLength(); i++) {
        Element item = (Element) items.item(i);
        sum += item.getAttribute("quantity").length() + text(item, "SupplierPartID").length()
            + text(item, "Money").length() + text(item, "UnitOfMeasure").length();
      }
    }
    return sum;
  }

  /** JAXB: unmarshals a cXML document into the bound model; returns a checksum of what a gateway reads. */
  public int jaxbParse(byte[] xml) throws Exception {
    Unmarshaller unmarshaller = jaxb.createUnmarshaller();
    var reader = stax.createXMLStreamReader(new ByteArrayInputStream(xml));
    CxmlJaxbModel.CXml doc = (CxmlJaxbModel.CXml) unmarshaller.unmarshal(reader);
    int sum = doc.payloadID == null ? 0 : doc.payloadID.length();
    List<CxmlJaxbModel.Item> items = new ArrayList<>();
    if (doc.request != null && doc.request.punchOutSetupRequest != null) {
      items.addAll(doc.request.punchOutSetupRequest.items);
      sum += length(doc.request.punchOutSetupRequest.buyerCookie);
    }
    if (doc.request != null && doc.request.orderRequest != null) {
      items.addAll(doc.request.orderRequest.items);
    }
    if (doc.message != null && doc.message.punchOutOrderMessage != null) {
      items.addAll(doc.message.punchOutOrderMessage.items);
      sum += length(doc.message.punchOutOrderMessage.buyerCookie);
    }
    for (CxmlJaxbModel.Item item : items) {
      sum += length(item.quantity) + (item.itemId == null ? 0 : length(item.itemId.supplierPartId));
    }
    return sum;
  }

  /** JAXB: maps a cart to a PunchOutOrderMessage and marshals it. */
  public byte[] jaxbOrderMessage(Cart cart, String buyerCookie) throws JAXBException {
    CxmlJaxbModel.CXml doc = new CxmlJaxbModel.CXml();
    doc.payloadID = "bench@punchgate";
    doc.timestamp = Instant.EPOCH.toString();
    doc.lang = "en";
    doc.header = new CxmlJaxbModel.Header();
    doc.header.from = party("DUNS", "123456789");
    doc.header.to = party("NetworkID", "AN01000000001");
    doc.header.sender = party("DUNS", "123456789");
    doc.header.sender.userAgent = "Punchgate";
    doc.message = new CxmlJaxbModel.Message();
    var message = new CxmlJaxbModel.PunchOutOrderMessage();
    doc.message.punchOutOrderMessage = message;
    message.buyerCookie = buyerCookie;
    message.header = new CxmlJaxbModel.OrderMessageHeader();
    message.header.operationAllowed = "edit";
    message.header.total = total(cart.currency(), cart.lines().stream()
        .map(l -> l.unitPrice().multiply(l.quantity())).reduce(BigDecimal.ZERO, BigDecimal::add));
    for (CartLine line : cart.lines()) {
      var item = new CxmlJaxbModel.Item();
      item.quantity = line.quantity().toPlainString();
      item.itemId = new CxmlJaxbModel.ItemId();
      item.itemId.supplierPartId = line.sku();
      item.itemId.supplierPartAuxiliaryId = line.lineId();
      item.detail = new CxmlJaxbModel.ItemDetail();
      item.detail.unitPrice = total(line.currency(), line.unitPrice());
      item.detail.description = new CxmlJaxbModel.Description();
      item.detail.description.lang = "en";
      item.detail.description.text.add(line.description());
      item.detail.unitOfMeasure = line.unit();
      if (line.classification() != null) {
        var classification = new CxmlJaxbModel.Classification();
        classification.domain = line.classification().scheme();
        classification.value = line.classification().code();
        item.detail.classifications.add(classification);
      }
      item.detail.manufacturerPartId = line.manufacturerSku();
      item.detail.manufacturerName = line.manufacturer();
      item.detail.leadTime = line.leadTimeDays() == null ? null : line.leadTimeDays().toString();
      message.items.add(item);
    }
    Marshaller marshaller = jaxb.createMarshaller();
    marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
    marshaller.setProperty("org.glassfish.jaxb.xmlHeaders", "<!DOCTYPE cXML SYSTEM \"" + CXML_DOCTYPE + "\">");
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    marshaller.marshal(doc, out);
    return out.toByteArray();
  }

  /** DOM + Transformer: builds the PunchOutOrderMessage as a DOM tree and serialises it. */
  public byte[] domOrderMessage(Cart cart, String buyerCookie) throws Exception {
    Document doc = dom.newDocument();
    Element root = append(doc, doc, "cXML");
    root.setAttribute("payloadID", "bench@punchgate");
    root.setAttribute("timestamp", Instant.EPOCH.toString());
    root.setAttribute("xml:lang", "en");
    Element header = append(doc, root, "Header");
    credential(doc, append(doc, header, "From"), "DUNS", "123456789");
    credential(doc, append(doc, header, "To"), "NetworkID", "AN01000000001");
    Element sender = append(doc, header, "Sender");
    credential(doc, sender, "DUNS", "123456789");
    append(doc, sender, "UserAgent").setTextContent("Punchgate");
    Element message = append(doc, append(doc, root, "Message"), "PunchOutOrderMessage");
    append(doc, message, "BuyerCookie").setTextContent(buyerCookie);
    Element messageHeader = append(doc, message, "PunchOutOrderMessageHeader");
    messageHeader.setAttribute("operationAllowed", "edit");
    money(doc, append(doc, messageHeader, "Total"), cart.currency(), cart.lines().stream()
        .map(l -> l.unitPrice().multiply(l.quantity())).reduce(BigDecimal.ZERO, BigDecimal::add));
    for (CartLine line : cart.lines()) {
      Element item = append(doc, message, "ItemIn");
      item.setAttribute("quantity", line.quantity().toPlainString());
      Element id = append(doc, item, "ItemID");
      append(doc, id, "SupplierPartID").setTextContent(line.sku());
      append(doc, id, "SupplierPartAuxiliaryID").setTextContent(line.lineId());
      Element detail = append(doc, item, "ItemDetail");
      money(doc, append(doc, detail, "UnitPrice"), line.currency(), line.unitPrice());
      Element description = append(doc, detail, "Description");
      description.setAttribute("xml:lang", "en");
      description.setTextContent(line.description());
      append(doc, detail, "UnitOfMeasure").setTextContent(line.unit());
      if (line.classification() != null) {
        Element classification = append(doc, detail, "Classification");
        classification.setAttribute("domain", line.classification().scheme());
        classification.setTextContent(line.classification().code());
      }
      if (line.manufacturerSku() != null) {
        append(doc, detail, "ManufacturerPartID").setTextContent(line.manufacturerSku());
      }
      if (line.manufacturer() != null) {
        append(doc, detail, "ManufacturerName").setTextContent(line.manufacturer());
      }
      if (line.leadTimeDays() != null) {
        append(doc, detail, "LeadTime").setTextContent(line.leadTimeDays().toString());
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    xmlTransformer.transform(new DOMSource(doc), new StreamResult(out));
    return out.toByteArray();
  }

  /** DOM + Transformer (HTML output): the OCI return form with NEW_ITEM-*[n] hidden fields. */
  public byte[] domOciForm(Cart cart, String hookUrl) throws Exception {
    Document doc = dom.newDocument();
    Element html = append(doc, doc, "html");
    Element head = append(doc, html, "head");
    Element meta = append(doc, head, "meta");
    meta.setAttribute("charset", "utf-8");
    append(doc, head, "title").setTextContent("Transfer to your purchasing system");
    Element body = append(doc, html, "body");
    Element form = append(doc, body, "form");
    form.setAttribute("id", "punchout-return");
    form.setAttribute("method", "post");
    form.setAttribute("action", hookUrl);
    form.setAttribute("target", "_top");
    int n = 0;
    for (CartLine line : cart.lines()) {
      n++;
      hidden(doc, form, "NEW_ITEM-DESCRIPTION[" + n + "]", line.description());
      hidden(doc, form, "NEW_ITEM-MATNR[" + n + "]", line.sku());
      hidden(doc, form, "NEW_ITEM-QUANTITY[" + n + "]", line.quantity().toPlainString());
      hidden(doc, form, "NEW_ITEM-UNIT[" + n + "]", line.unit());
      hidden(doc, form, "NEW_ITEM-PRICE[" + n + "]", line.unitPrice().toPlainString());
      hidden(doc, form, "NEW_ITEM-PRICEUNIT[" + n + "]", "1");
      hidden(doc, form, "NEW_ITEM-CURRENCY[" + n + "]", line.currency());
      hidden(doc, form, "NEW_ITEM-LEADTIME[" + n + "]", line.leadTimeDays() == null ? "" : line.leadTimeDays().toString());
      hidden(doc, form, "NEW_ITEM-MANUFACTMAT[" + n + "]", line.manufacturerSku());
      hidden(doc, form, "NEW_ITEM-VENDORMAT[" + n + "]", line.sku());
      hidden(doc, form, "NEW_ITEM-MATGROUP[" + n + "]",
          line.classification() == null ? "" : line.classification().code());
      if (line.longText() != null) {
        hidden(doc, form, "NEW_ITEM-LONGTEXT_" + n + ":132[]", line.longText());
      }
    }
    Element button = append(doc, form, "button");
    button.setAttribute("type", "submit");
    button.setTextContent("Transfer cart");
    append(doc, body, "script").setTextContent("document.getElementById('punchout-return').submit();");
    ByteArrayOutputStream out = new ByteArrayOutputStream(16384);
    htmlTransformer.transform(new DOMSource(doc), new StreamResult(out));
    return out.toByteArray();
  }

  private static void hidden(Document doc, Element form, String name, String value) {
    Element input = append(doc, form, "input");
    input.setAttribute("type", "hidden");
    input.setAttribute("name", name);
    input.setAttribute("value", value == null ? "" : value);
  }

  private static Element append(Document doc, Node parent, String name) {
    Element element = doc.createElement(name);
    parent.appendChild(element);
    return element;
  }

  private static void credential(Document doc, Element party, String domain, String identity) {
    Element credential = append(doc, party, "Credential");
    credential.setAttribute("domain", domain);
    append(doc, credential, "Identity").setTextContent(identity);
  }

  private static void money(Document doc, Element parent, String currency, BigDecimal amount) {
    Element money = append(doc, parent, "Money");
    money.setAttribute("currency", currency);
    money.setTextContent(amount.toPlainString());
  }

  private static CxmlJaxbModel.Party party(String domain, String identity) {
    var party = new CxmlJaxbModel.Party();
    var credential = new CxmlJaxbModel.Credential();
    credential.domain = domain;
    credential.identity = identity;
    party.credentials.add(credential);
    return party;
  }

  private static CxmlJaxbModel.Total total(String currency, BigDecimal amount) {
    var total = new CxmlJaxbModel.Total();
    total.money = new CxmlJaxbModel.Money();
    total.money.currency = currency;
    total.money.value = amount.toPlainString();
    return total;
  }

  private static String text(Element parent, String tag) {
    NodeList list = parent.getElementsByTagName(tag);
    return list.getLength() == 0 ? "" : list.item(0).getTextContent().strip();
  }

  private static int length(String s) {
    return s == null ? 0 : s.length();
  }
}
