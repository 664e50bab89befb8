/** Internal helpers of the JOSE package (VC-JWT payload scanning); not a public API, may change without notice. */
package io.github.insignia.openbadges.signing.jose.internal;
