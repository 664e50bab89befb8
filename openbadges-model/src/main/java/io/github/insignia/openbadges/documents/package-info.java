/** Pinned JSON-LD contexts and JSON Schemas, and the document-loader SPI. */
package io.github.insignia.openbadges.documents;
