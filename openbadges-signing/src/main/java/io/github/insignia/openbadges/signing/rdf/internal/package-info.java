/** Implementation of the canonicalizer; not API, may change at any release. */
package io.github.insignia.openbadges.signing.rdf.internal;
