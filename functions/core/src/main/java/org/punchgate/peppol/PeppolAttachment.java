package org.punchgate.peppol;

/**
 * An item specification document given by reference ({@code ItemSpecificationDocumentReference} with
 * {@code Attachment/ExternalReference/URI}, SPECS §3.3). The cart carries links, not file contents: the documents
 * live in the shop, and embedding them would make the Base64 form value grow without limit.
 *
 * @param id {@code cbc:ID} of the reference (a file name or a document number)
 * @param uri where the buyer fetches the document
 * @param mainImage whether it is the item's main image ({@code DocumentTypeCode PRODUCT_IMAGE}; at most one, R005)
 */
public record PeppolAttachment(String id, String uri, boolean mainImage) {}
