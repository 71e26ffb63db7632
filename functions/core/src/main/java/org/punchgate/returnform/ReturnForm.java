package org.punchgate.returnform;

import java.nio.charset.Charset;
import java.util.List;

/**
 * The form a buyer's browser posts back to the buyer's system at the end of a punchout: where to
 * ({@code action}, without query), into which frame ({@code target}, may be null), in which charset, the
 * fields in order, and how the page behaves ({@link Submit}). Every protocol (OCI fields, cXML
 * PunchOutOrderMessage, PEPPOL cart) produces one; {@link ReturnFormPage} renders it as HTML or JSON.
 */
public record ReturnForm(String action, String target, Charset charset, List<Field> fields, Submit submit) {

  public record Field(String name, String value) {}

  public enum Submit {
    /** Posts itself by script, with a visible button for browsers without script. */
    AUTOMATIC,
    /** Shows a button only: the page is read by the buyer's system (OCI BACKGROUND_SEARCH). */
    MANUAL
  }

  public ReturnForm {
    fields = List.copyOf(fields);
  }
}
