package org.punchgate.peppol;

import java.util.List;

/**
 * The header and lines of one PEPPOL punch-out cart, ready to write (SPECS §3.3). Issue date and time are not
 * here: the writer takes them from its clock at the moment of writing.
 *
 * @param id {@code cbc:ID}: the transferred cart's id, the reference a later order uses
 * @param completeCart {@code cbc:ActionCode}: the buyer must order the cart as a whole (true) or may order part of it
 * @param provider the seller, from the supplier settings
 * @param receiver the buyer, from the connection
 * @param buyerReference {@code ReceiverParty/Contact/ID}: routes the cart to the buyer's session; null for none
 * @param lines one or more lines
 */
public record PeppolCart(String id, boolean completeCart, PeppolParty provider, PeppolParty receiver,
    String buyerReference, List<PeppolLine> lines) {

  public PeppolCart {
    lines = List.copyOf(lines);
  }
}
