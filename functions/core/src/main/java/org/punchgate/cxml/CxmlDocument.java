package org.punchgate.cxml;

/**
 * A cXML envelope (SPECS §2.2): payloadID, timestamp, version (from the attribute, else from the DOCTYPE
 * system id, else null), xml:lang, the Header (null for a Response), the deploymentMode of a Request or
 * Message ({@code production} when absent), and the payload.
 */
public record CxmlDocument(
    String payloadId,
    String timestamp,
    String version,
    String lang,
    CxmlHeader header,
    String deploymentMode,
    CxmlPayload payload) {}
