/** Internals of the web module: the escaping HTML writer, texts, pages, multipart parsing, PDF layout. */
package io.github.insignia.openbadges.web.internal;
