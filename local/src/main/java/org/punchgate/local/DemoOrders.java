package org.punchgate.local;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.Attribute;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;
import org.punchgate.punchin.CxmlOrderRequestReader;
import org.punchgate.punchin.OrderFormat;
import org.punchgate.punchin.OrderReading;
import org.punchgate.punchin.OrderSniffer;
import org.punchgate.punchin.PunchInOrder;
import org.punchgate.punchin.UblOrderReader;
import org.punchgate.xml.SecureXml;

/**
 * The demo orders of the buyer simulator's PunchIn mode ({@code demo/orders/}, written from the demo catalog at its
 * prices), and the changes a person makes before sending one: order number, a line's quantity or price, the buyer,
 * and for cXML the Sender credential and payloadID. A change is made on the document as written (one StAX pass:
 * comments, prefixes and the cXML DOCTYPE stay as they are), and the amounts that depend on it follow, so the
 * document stays arithmetically consistent and the gateway judges the change itself, not a broken total.
 */
final class DemoOrders {

  /** The demo order files, in the order the simulator offers them. */
  static final List<String> FILES = List.of("bis3-order.xml", "bis28a-order.xml", "cxml-orderrequest.xml");

  /** One demo order: its file, its format as the sniffer tells it, its bytes, and the order as our readers read it. */
  record Template(String file, OrderFormat format, byte[] bytes, PunchInOrder order) {

    String label() {
      return switch (format) {
        case PEPPOL_BIS3 -> "PEPPOL BIS 3 Order";
        case BIS28A -> "SveOrder / BIS 28A Order";
        case CXML -> "cXML OrderRequest";
      } + " " + order.id() + " (" + file + ")";
    }
  }

  /** A party identifier or credential: UBL scheme and value, or cXML domain and identity. */
  record Credential(String scheme, String value) {}

  /**
   * What a person changed before sending; a null or absent value keeps the document's own.
   *
   * @param buyer        the buyer: UBL EndpointID and PartyIdentification, or the cXML From credential
   * @param sender       cXML only: the Sender credential
   * @param sharedSecret cXML only: the Sender's SharedSecret
   * @param payloadId    cXML only: the document's payloadID (cXML's duplicate key: a new one per send)
   */
  record Changes(String orderNumber, Map<String, BigDecimal> quantities, Map<String, BigDecimal> prices,
                 Credential buyer, Credential sender, String sharedSecret, String payloadId) {
    Changes {
      quantities = Map.copyOf(quantities);
      prices = Map.copyOf(prices);
    }
  }

  private DemoOrders() {}

  static List<Template> load() {
    List<Template> templates = new ArrayList<>();
    for (String file : FILES) {
      templates.add(read(file, resource(file)));
    }
    return templates;
  }

  static Template read(String file, byte[] bytes) {
    OrderReading reading = switch (OrderSniffer.sniff(bytes)) {
      case OrderSniffer.Sniffed.Ubl ubl -> UblOrderReader.read(ubl.format(), ubl.document());
      case OrderSniffer.Sniffed.Cxml cxml -> CxmlOrderRequestReader.read(cxml.document()).reading();
      case OrderSniffer.Sniffed.Refused refused ->
          throw new IllegalStateException("demo order " + file + " is refused: " + refused.reason().message());
    };
    if (reading.refused()) {
      throw new IllegalStateException("demo order " + file + " is refused: " + reading.fatal());
    }
    return new Template(file, reading.order().format(), bytes, reading.order());
  }

  private static byte[] resource(String file) {
    try (InputStream in = DemoOrders.class.getResourceAsStream("/demo/orders/" + file)) {
      if (in == null) {
        throw new IllegalStateException("demo/orders/" + file + " is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The template's document with the changes made, UTF-8. */
  static byte[] apply(Template template, Changes changes) {
    Map<String, BigDecimal> amounts = new HashMap<>();
    BigDecimal delta = BigDecimal.ZERO;
    for (PunchInOrder.Line line : template.order().lines()) {
      BigDecimal base = line.baseQuantity() == null ? BigDecimal.ONE : line.baseQuantity();
      BigDecimal before = amount(line.quantity(), line.priceAmount(), base);
      BigDecimal after = amount(changes.quantities().getOrDefault(line.id(), line.quantity()),
          changes.prices().getOrDefault(line.id(), line.priceAmount()), base);
      amounts.put(line.id(), after);
      delta = delta.add(after.subtract(line.lineAmount() != null ? line.lineAmount() : before));
    }
    Edit edit = template.format() == OrderFormat.CXML ? new CxmlEdit(changes, amounts, delta)
        : new UblEdit(changes, amounts, delta);
    try {
      return rewrite(template.bytes(), edit);
    } catch (XMLStreamException e) {
      throw new IllegalStateException("demo order " + template.file() + " cannot be rewritten", e);
    }
  }

  private static BigDecimal amount(BigDecimal quantity, BigDecimal price, BigDecimal base) {
    if (quantity == null || price == null) {
      return BigDecimal.ZERO;
    }
    return quantity.multiply(price).divide(base, 2, RoundingMode.HALF_UP);
  }

  /** Says, per element (path of local names from the root), what becomes of its attributes and its text. */
  private interface Edit {
    /** New attribute values by local name (a value absent from the element is not added). */
    default Map<String, String> attributes(String path, StartElement element) {
      return Map.of();
    }

    /** How to turn the element's text into the new text; null: the text stays. */
    UnaryOperator<String> text(String path);
  }

  private static final class UblEdit implements Edit {
    private final Changes changes;
    private final Map<String, BigDecimal> amounts;
    private final BigDecimal delta;
    private String lineId;

    UblEdit(Changes changes, Map<String, BigDecimal> amounts, BigDecimal delta) {
      this.changes = changes;
      this.amounts = amounts;
      this.delta = delta;
    }

    @Override
    public Map<String, String> attributes(String path, StartElement element) {
      if (changes.buyer() != null && (path.equals("Order/BuyerCustomerParty/Party/EndpointID")
          || path.equals("Order/BuyerCustomerParty/Party/PartyIdentification/ID"))) {
        return Map.of("schemeID", changes.buyer().scheme());
      }
      return Map.of();
    }

    @Override
    public UnaryOperator<String> text(String path) {
      return switch (path) {
        case "Order/ID" -> keepOr(changes.orderNumber());
        case "Order/BuyerCustomerParty/Party/EndpointID", "Order/BuyerCustomerParty/Party/PartyIdentification/ID" ->
            changes.buyer() == null ? null : old -> changes.buyer().value();
        case "Order/AnticipatedMonetaryTotal/LineExtensionAmount", "Order/AnticipatedMonetaryTotal/TaxExclusiveAmount",
             "Order/AnticipatedMonetaryTotal/TaxInclusiveAmount", "Order/AnticipatedMonetaryTotal/PayableAmount" ->
            old -> new BigDecimal(old.strip()).add(delta).toPlainString();
        case "Order/OrderLine/LineItem/ID" -> old -> {
          lineId = old.strip();
          return old;
        };
        case "Order/OrderLine/LineItem/Quantity" -> old -> changed(changes.quantities(), old);
        case "Order/OrderLine/LineItem/LineExtensionAmount" -> old -> amounts.get(lineId).toPlainString();
        case "Order/OrderLine/LineItem/Price/PriceAmount" -> old -> changed(changes.prices(), old);
        default -> null;
      };
    }

    private String changed(Map<String, BigDecimal> values, String old) {
      BigDecimal value = values.get(lineId);
      return value == null ? old : value.toPlainString();
    }
  }

  private static final class CxmlEdit implements Edit {
    private static final String HEADER = "cXML/Request/OrderRequest/OrderRequestHeader";
    private static final String ITEM = "cXML/Request/OrderRequest/ItemOut";

    private final Changes changes;
    private final BigDecimal delta;
    private String lineNumber;

    CxmlEdit(Changes changes, Map<String, BigDecimal> amounts, BigDecimal delta) {
      this.changes = changes;
      this.delta = delta;
    }

    @Override
    public Map<String, String> attributes(String path, StartElement element) {
      Map<String, String> set = new HashMap<>();
      switch (path) {
        case "cXML" -> putIfPresent(set, "payloadID", changes.payloadId());
        case HEADER -> putIfPresent(set, "orderID", changes.orderNumber());
        case "cXML/Header/From/Credential" -> putIfPresent(set, "domain",
            changes.buyer() == null ? null : changes.buyer().scheme());
        case "cXML/Header/Sender/Credential" -> putIfPresent(set, "domain",
            changes.sender() == null ? null : changes.sender().scheme());
        case ITEM -> {
          var number = element.getAttributeByName(new javax.xml.namespace.QName("lineNumber"));
          lineNumber = number == null ? null : number.getValue().strip();
          BigDecimal quantity = lineNumber == null ? null : changes.quantities().get(lineNumber);
          putIfPresent(set, "quantity", quantity == null ? null : quantity.toPlainString());
        }
        default -> { }
      }
      return set;
    }

    @Override
    public UnaryOperator<String> text(String path) {
      return switch (path) {
        case "cXML/Header/From/Credential/Identity" -> changes.buyer() == null ? null : old -> changes.buyer().value();
        case "cXML/Header/Sender/Credential/Identity" ->
            changes.sender() == null ? null : old -> changes.sender().value();
        case "cXML/Header/Sender/Credential/SharedSecret" -> keepOr(changes.sharedSecret());
        case HEADER + "/Total/Money" -> old -> new BigDecimal(old.strip()).add(delta).toPlainString();
        case ITEM + "/ItemDetail/UnitPrice/Money" -> old -> {
          BigDecimal price = lineNumber == null ? null : changes.prices().get(lineNumber);
          return price == null ? old : price.toPlainString();
        };
        default -> null;
      };
    }

    private static void putIfPresent(Map<String, String> map, String name, String value) {
      if (value != null && !value.isBlank()) {
        map.put(name, value);
      }
    }
  }

  private static UnaryOperator<String> keepOr(String value) {
    return value == null || value.isBlank() ? null : old -> value;
  }

  /** One pass over the document through the hardened reader, writing each event as it is or as {@code edit} says. */
  private static byte[] rewrite(byte[] document, Edit edit) throws XMLStreamException {
    XMLEventReader reader = SecureXml.newInputFactory().createXMLEventReader(new ByteArrayInputStream(document));
    ByteArrayOutputStream out = new ByteArrayOutputStream(document.length + 256);
    XMLEventWriter writer = XMLOutputFactory.newDefaultFactory().createXMLEventWriter(out, "UTF-8");
    XMLEventFactory events = XMLEventFactory.newDefaultFactory();
    Deque<String> path = new ArrayDeque<>();
    UnaryOperator<String> replacing = null;
    StringBuilder text = new StringBuilder();
    while (reader.hasNext()) {
      XMLEvent event = reader.nextEvent();
      if (event.isStartElement()) {
        StartElement start = event.asStartElement();
        path.addLast(start.getName().getLocalPart());
        String at = String.join("/", path);
        Map<String, String> attributes = edit.attributes(at, start);
        writer.add(attributes.isEmpty() ? start : withAttributes(events, start, attributes));
        replacing = edit.text(at);
        text.setLength(0);
      } else if (event.isCharacters() && replacing != null) {
        text.append(event.asCharacters().getData());
      } else {
        if (event.isEndElement()) {
          if (replacing != null) {
            writer.add(events.createCharacters(replacing.apply(text.toString())));
            replacing = null;
          }
          path.removeLast();
        }
        writer.add(event);
        if (path.isEmpty() && !event.isEndDocument() && !event.isCharacters()) {
          // the parser passes over the line breaks between declaration, comments, DOCTYPE and root: put them back
          writer.add(events.createCharacters("\n"));
        }
      }
    }
    writer.close();
    reader.close();
    return out.toByteArray();
  }

  private static StartElement withAttributes(XMLEventFactory events, StartElement start, Map<String, String> set) {
    List<Attribute> attributes = new ArrayList<>();
    for (Iterator<Attribute> it = start.getAttributes(); it.hasNext(); ) {
      Attribute a = it.next();
      String value = a.getName().getNamespaceURI().isEmpty() ? set.get(a.getName().getLocalPart()) : null;
      attributes.add(value == null ? a : events.createAttribute(a.getName(), value));
    }
    return events.createStartElement(start.getName(), attributes.iterator(), start.getNamespaces());
  }
}
