/** Internal helpers of the signing module; not a public API, may change without notice. */
package io.github.insignia.openbadges.signing.internal;
