package org.punchgate.cxml;

/** A cXML {@code Contact} of a setup request: its role, name and first e-mail address (each may be null). */
public record CxmlContact(String role, String name, String email) {}
