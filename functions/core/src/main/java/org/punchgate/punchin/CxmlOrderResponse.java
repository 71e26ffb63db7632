package org.punchgate.punchin;

import org.punchgate.cxml.CxmlStatus;
import org.punchgate.cxml.CxmlWriter;

/**
 * The cXML answer to an OrderRequest (SPECS §2.4, §2.5): a {@code Response} whose Status carries the decision.
 * cXML has no line codes in this answer; line changes travel later in a ConfirmationRequest.
 * <ul>
 *   <li>accepted, or accepted with changes: 200 OK (the changes named in the detail text);</li>
 *   <li>received, decision left to a person: 201 Accepted (the buyer expects a later status update);</li>
 *   <li>rejected: 400 Bad Request, with the reason.</li>
 * </ul>
 */
final class CxmlOrderResponse {

  /** cXML 201: accepted for processing, the result follows asynchronously (SPECS §2.5). */
  static final int ACCEPTED_ASYNC = 201;

  private CxmlOrderResponse() {}

  public static String write(CxmlWriter.Envelope envelope, OrderDecision decision) {
    return CxmlWriter.response(envelope, status(decision));
  }

  static CxmlStatus status(OrderDecision decision) {
    return switch (decision.outcome()) {
      case ACCEPTED -> CxmlStatus.ok();
      case ACCEPTED_WITH_CHANGES -> new CxmlStatus(CxmlStatus.OK, "OK",
          decision.reason() == null ? "accepted with changes" : decision.reason());
      case RECEIVED -> new CxmlStatus(ACCEPTED_ASYNC, "Accepted", decision.reason());
      case REJECTED -> CxmlStatus.badRequest(decision.reason() == null ? "order rejected" : decision.reason());
    };
  }
}
