package org.punchgate.bench.baseline;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlMixed;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The JAXB binding a typical implementation would write (or generate from the DTD) for the cXML it uses:
 * the envelope, credentials, PunchOutSetupRequest, OrderRequest and PunchOutOrderMessage with their item
 * lines. Unknown elements are skipped by JAXB, as they would be by such an implementation.
 */
public final class CxmlJaxbModel {

  private CxmlJaxbModel() {}

  @XmlRootElement(name = "cXML")
  @XmlAccessorType(XmlAccessType.FIELD)
  public static class CXml {
    @XmlAttribute public String payloadID;
    @XmlAttribute public String timestamp;
    @XmlAttribute(name = "lang", namespace = "http://www.w3.org/XML/1998/namespace") public String lang;
    @XmlElement(name = "Header") public Header header;
    @XmlElement(name = "Request") public Request request;
    @XmlElement(name = "Message") public Message message;
    @XmlElement(name = "Response") public Response response;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static class Header {
    @XmlElement(name = "From") public Party from;
    @XmlElement(name = "To") public Party to;
    @XmlElement(name = "Sender") public Party sender;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static class Party {
    @XmlElement(name = "Credential") public List<Credential> credentials = new ArrayList<>();
    @XmlElement(name = "UserAgent") public String userAgent;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static class Credential {
    @XmlAttribute public String domain;
    @XmlElement(name = "Identity") public String identity;
    @XmlElement(name = "SharedSecret") public String sharedSecret;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static class Request {
    @XmlAttribute public String deploymentMode;
    @XmlElement(name = "PunchOutSetupRequest") public PunchOutSetupRequest punchOutSetupRequest;
    @XmlElement(name = "OrderRequest") public OrderRequest orderRequest;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static class Response {
    @XmlElement(name = "Status") public Status status;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static class Status {
    @XmlAttribute public String code;
    @XmlAttribute public String text;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static class PunchOutSetupRequest {
    @XmlAttribute public String operation;
    @XmlElement(name = "BuyerCookie") public String buyerCookie;
    @XmlElement(name = "Extrinsic") public List<Extrinsic> extrinsics = new ArrayList<>();
    @XmlElement(name = "BrowserFormPost") public Url browserFormPost;
    @XmlElement(name = "SupplierSetup") public Url supplierSetup;
    @XmlElement(name = "ItemOut") public List<Item> items = new ArrayList<>();
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static class OrderRequest {
    @XmlElement(name = "OrderRequestHeader") public OrderRequestHeader header;
    @XmlElement(name = "ItemOut") public List<Item> items = new ArrayList<>();
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static class OrderRequestHeader {
    @XmlAttribute public String orderID;
    @XmlAttribute public String orderDate;
    @XmlAttribute public String type;
    @XmlElement(name = "Total") public Total total;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static class Message {
    @XmlElement(name = "PunchOutOrderMessage") public PunchOutOrderMessage punchOutOrderMessage;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static class PunchOutOrderMessage {
    @XmlElement(name = "BuyerCookie") public String buyerCookie;
    @XmlElement(name = "PunchOutOrderMessageHeader") public OrderMessageHeader header;
    @XmlElement(name = "ItemIn") public List<Item> items = new ArrayList<>();
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static class OrderMessageHeader {
    @XmlAttribute public String operationAllowed;
    @XmlElement(name = "Total") public Total total;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static class Url {
    @XmlElement(name = "URL") public String url;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static class Total {
    @XmlElement(name = "Money") public Money money;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static class Money {
    @XmlAttribute public String currency;
    @XmlValue public String value;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static class Item {
    @XmlAttribute public String quantity;
    @XmlAttribute public String lineNumber;
    @XmlElement(name = "ItemID") public ItemId itemId;
    @XmlElement(name = "ItemDetail") public ItemDetail detail;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static class ItemId {
    @XmlElement(name = "SupplierPartID") public String supplierPartId;
    @XmlElement(name = "SupplierPartAuxiliaryID") public String supplierPartAuxiliaryId;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static class ItemDetail {
    @XmlElement(name = "UnitPrice") public Total unitPrice;
    @XmlElement(name = "Description") public Description description;
    @XmlElement(name = "UnitOfMeasure") public String unitOfMeasure;
    @XmlElement(name = "Classification") public List<Classification> classifications = new ArrayList<>();
    @XmlElement(name = "ManufacturerPartID") public String manufacturerPartId;
    @XmlElement(name = "ManufacturerName") public String manufacturerName;
    @XmlElement(name = "LeadTime") public String leadTime;
    @XmlElement(name = "Extrinsic") public List<Extrinsic> extrinsics = new ArrayList<>();
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static class Description {
    @XmlAttribute(name = "lang", namespace = "http://www.w3.org/XML/1998/namespace") public String lang;
    @XmlMixed public List<String> text = new ArrayList<>();
    @XmlElement(name = "ShortName") public String shortName;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static class Classification {
    @XmlAttribute public String domain;
    @XmlValue public String value;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static class Extrinsic {
    @XmlAttribute public String name;
    @XmlValue public String value;
  }
}
