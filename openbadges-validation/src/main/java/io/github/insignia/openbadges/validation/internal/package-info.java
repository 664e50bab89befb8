/** Internals of the verifier (key resolution, JSON Schema, primitive types, messages); not API. */
package io.github.insignia.openbadges.validation.internal;
