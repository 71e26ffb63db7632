package org.punchgate.cxml;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.punchgate.cart.Cart;
import org.punchgate.connection.PunchOutOperation;

/** What a cXML document carries: the requests and messages we read, a Response, or something else. */
public sealed interface CxmlPayload {

  /** The element name of the request, message or response ({@code PunchOutSetupRequest}, ...). */
  String elementName();

  /**
   * A PunchOutSetupRequest (SPECS §2.3). {@code buyerCookie} is the element's content as XML (ANY content,
   * echoed back as is); {@code items} are the ItemOut lines of an edit or inspect, as a cart.
   */
  record PunchOutSetupRequest(
      PunchOutOperation operation,
      String buyerCookie,
      Map<String, String> extrinsics,
      String browserFormPostUrl,
      String supplierSetupUrl,
      List<CxmlContact> contacts,
      CxmlAddress shipTo,
      SelectedItem selectedItem,
      Cart items) implements CxmlPayload {

    public PunchOutSetupRequest {
      extrinsics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extrinsics));
      contacts = List.copyOf(contacts);
    }

    @Override
    public String elementName() {
      return "PunchOutSetupRequest";
    }
  }

  /** The item a buyer selected before punching out (SelectedItem/ItemID). */
  record SelectedItem(String supplierPartId, String supplierPartAuxiliaryId) {}

  /** A ProfileRequest: asks which transactions we accept, and where. */
  record ProfileRequest() implements CxmlPayload {
    @Override
    public String elementName() {
      return "ProfileRequest";
    }
  }

  /**
   * A PunchOutOrderMessage (SPECS §2.3): the echoed BuyerCookie (as XML), the operation the buyer may do
   * later, the Total as written, and the ItemIn lines as a cart (with Shipping and Tax of the header).
   */
  record PunchOutOrderMessage(
      String buyerCookie,
      PunchOutOperation operationAllowed,
      BigDecimal total,
      String totalCurrency,
      Cart cart) implements CxmlPayload {
    @Override
    public String elementName() {
      return "PunchOutOrderMessage";
    }
  }

  /** A Response: the Status and, for a PunchOutSetupResponse, the StartPage URL (else null). */
  record Response(CxmlStatus status, String responseName, String startPageUrl) implements CxmlPayload {
    @Override
    public String elementName() {
      return "Response";
    }
  }

  /** A request or message we do not read ({@code OrderRequest}, {@code StatusUpdateRequest}, ...). */
  record Other(String kind, String elementName) implements CxmlPayload {}
}
