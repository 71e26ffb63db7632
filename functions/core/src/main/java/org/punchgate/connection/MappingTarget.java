package org.punchgate.connection;

/**
 * One field that a connection's field mapping can fill in its format (an OCI {@code NEW_ITEM-} field, a cXML
 * ItemIn element, a PEPPOL catalogue line part), as the admin page lists it.
 *
 * @param field the target's name as a field-mapping key
 * @param maxLength the format's length limit of the field; null when it has none
 * @param required whether every line must carry a value
 * @param defaultSource what fills the field when the connection says nothing
 */
public record MappingTarget(String field, Integer maxLength, boolean required, FieldSource defaultSource) {}
