package org.punchgate.xml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/** The limits of {@link SecureXml#parse} on a cursor ({@link SecureXml#stream}): checked per event, so a caller can stop early at no cost. */
final class GuardedStreamReader extends StreamReaderDelegate {
  private int elements;
  private int depth;

  GuardedStreamReader(XMLStreamReader reader) {
    super(reader);
  }

  @Override
  public int next() throws XMLStreamException {
    int event = super.next();
    switch (event) {
      case XMLStreamConstants.START_ELEMENT -> {
        if (++elements > SecureXml.MAX_ELEMENTS) {
          throw new XMLStreamException("more than " + SecureXml.MAX_ELEMENTS + " elements", getLocation());
        }
        if (++depth > SecureXml.MAX_DEPTH) {
          throw new XMLStreamException("elements nested deeper than " + SecureXml.MAX_DEPTH, getLocation());
        }
      }
      case XMLStreamConstants.END_ELEMENT -> depth--;
      case XMLStreamConstants.DTD -> {
        String doctype = getText();
        if (doctype != null && doctype.indexOf('[') >= 0) {
          throw new XMLStreamException("a DOCTYPE with an internal subset is not accepted", getLocation());
        }
      }
      case XMLStreamConstants.ENTITY_REFERENCE ->
          throw new XMLStreamException("entity references are not accepted", getLocation());
      default -> {
        // text, comments, processing instructions: the caller's business
      }
    }
    return event;
  }

  @Override
  public int nextTag() {
    // the delegate's nextTag would bypass the counting in next(); readers here use next() only
    throw new UnsupportedOperationException("use next()");
  }

  @Override
  public String getElementText() {
    throw new UnsupportedOperationException("use next()");
  }
}
