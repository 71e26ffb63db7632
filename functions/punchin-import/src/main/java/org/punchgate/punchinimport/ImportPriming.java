package org.punchgate.punchinimport;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.time.ZoneOffset;
import org.punchgate.config.Config;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.lambda.Priming;
import org.punchgate.lambda.SampleInput;
import org.punchgate.order.InMemoryOrderQueue;
import org.punchgate.punchin.InMemoryPunchInMappings;
import org.punchgate.punchin.InMemoryPunchInReplays;
import org.punchgate.punchin.ShopCustomer;
import org.punchgate.punchin.ShopPrice;
import org.punchgate.punchin.ShopProduct;
import org.punchgate.session.InMemorySessionStore;
import org.punchgate.wiring.OrderWiring;
import org.punchgate.wiring.PunchInWiring;
import org.punchgate.wiring.Wiring;

/**
 * The import's request path before a SnapStart snapshot: a sample BIS 3 order, accepted (reader, checks,
 * ERP message, response writer) and then replayed, through a handler on in-memory stores and queue
 * ({@link Priming#run}: nothing reaches AWS, a failure is logged and swallowed).
 */
final class ImportPriming {

  private static final String BUYER = "7300000000001";
  /** The sample connection's id, which is its user's name. */
  private static final String CONNECTION = SampleInput.USERNAME;
  private static final int LINES = 20;

  private ImportPriming() {}

  static void run(Config config) {
    Priming.run(config, ImportPriming::handler, ImportPriming::send);
  }

  /** The handler over the priming wiring's in-memory stores, an in-memory queue and one sample customer. */
  static PunchInImportFunction handler(Wiring wiring) {
    // a PunchIn connection names its user like itself: the priming OCI connection's secret, under that name
    String hash = wiring.connections().find(Priming.CONNECTION_ID).orElseThrow().secretHash();
    wiring.connections().put(SampleInput.ociConnection(CONNECTION, ConnectionFormat.PEPPOL_PUNCHOUT, hash));
    var sessions = (InMemorySessionStore) wiring.sessions();
    OrderWiring orders = OrderWiring.of(wiring, sessions, new InMemoryOrderQueue(), sessions.outbox(),
        (id, step, error) -> { });
    var mappings = new InMemoryPunchInMappings();
    mappings.putCustomer(new ShopCustomer("priming-customer", "Priming", null, List.of("EUR"), List.of(
        new ShopCustomer.BuyerParty(CONNECTION, ShopCustomer.BuyerParty.Kind.ENDPOINT, "0088", BUYER))));
    mappings.putProduct(new ShopProduct("PRIMING-SKU", null, "Priming item", List.of("EA"), Map.of(), Map.of()));
    mappings.putPrices(List.of(new ShopPrice("PRIMING-SKU", ShopPrice.Scope.LIST, null, "EUR", new BigDecimal("2.50"),
        BigDecimal.ONE, "EA", null, null)));
    return new PunchInImportFunction(PunchInWiring.of(orders, sessions, sessions, mappings,
        new InMemoryPunchInReplays()));
  }

  /** The sample order, accepted, then again (the replay path). */
  private static void send(Priming priming, PunchInImportFunction handler) {
    LocalDate today = priming.wiring().clock().instant().atZone(ZoneOffset.UTC).toLocalDate();
    handler.handleRequest(event(order(today)), null);
    handler.handleRequest(event(order(today)), null);
  }

  static APIGatewayV2HTTPEvent event(String order) {
    String basic = Base64.getEncoder().encodeToString((CONNECTION + ":" + SampleInput.PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setRouteKey(PunchInImportFunction.ORDERS);
    event.setRawPath("/punchin/orders");
    event.setHeaders(Map.of("content-type", "application/xml", "authorization", "Basic " + basic));
    event.setBody(order);
    event.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withPath("/punchin/orders")
            .build()).build());
    return event;
  }

  static String order(LocalDate date) {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= LINES; i++) {
      lines.append("<cac:OrderLine><cac:LineItem><cbc:ID>").append(i).append("</cbc:ID>")
          .append("<cbc:Quantity unitCode=\"EA\">2</cbc:Quantity>")
          .append("<cbc:LineExtensionAmount currencyID=\"EUR\">5.00</cbc:LineExtensionAmount>")
          .append("<cac:Price><cbc:PriceAmount currencyID=\"EUR\">2.50</cbc:PriceAmount></cac:Price>")
          .append("<cac:Item><cbc:Name>Priming item</cbc:Name><cac:SellersItemIdentification><cbc:ID>PRIMING-SKU")
          .append("</cbc:ID></cac:SellersItemIdentification></cac:Item></cac:LineItem></cac:OrderLine>");
    }
    String total = new BigDecimal("5.00").multiply(BigDecimal.valueOf(LINES)).toPlainString();
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\""
        + " xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\""
        + " xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">"
        + "<cbc:CustomizationID>urn:fdc:peppol.eu:poacc:trns:order:3</cbc:CustomizationID>"
        + "<cbc:ProfileID>urn:fdc:peppol.eu:poacc:bis:ordering:3</cbc:ProfileID>"
        + "<cbc:ID>PRIMING-1</cbc:ID><cbc:IssueDate>" + date + "</cbc:IssueDate>"
        + "<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>"
        + "<cac:BuyerCustomerParty><cac:Party><cbc:EndpointID schemeID=\"0088\">" + BUYER + "</cbc:EndpointID>"
        + "<cac:PartyLegalEntity><cbc:RegistrationName>Priming</cbc:RegistrationName></cac:PartyLegalEntity>"
        + "</cac:Party></cac:BuyerCustomerParty>"
        + "<cac:SellerSupplierParty><cac:Party><cbc:EndpointID schemeID=\"0088\">7300000000002</cbc:EndpointID>"
        + "<cac:PostalAddress><cac:Country><cbc:IdentificationCode>DE</cbc:IdentificationCode></cac:Country>"
        + "</cac:PostalAddress><cac:PartyLegalEntity><cbc:RegistrationName>Shop</cbc:RegistrationName>"
        + "</cac:PartyLegalEntity></cac:Party></cac:SellerSupplierParty>"
        + "<cac:AnticipatedMonetaryTotal><cbc:LineExtensionAmount currencyID=\"EUR\">" + total
        + "</cbc:LineExtensionAmount><cbc:PayableAmount currencyID=\"EUR\">" + total + "</cbc:PayableAmount>"
        + "</cac:AnticipatedMonetaryTotal>" + lines + "</Order>";
  }
}
