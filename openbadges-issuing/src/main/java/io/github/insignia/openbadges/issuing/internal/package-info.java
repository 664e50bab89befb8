/** Implementation details of the issuing module; not API. */
package io.github.insignia.openbadges.issuing.internal;
