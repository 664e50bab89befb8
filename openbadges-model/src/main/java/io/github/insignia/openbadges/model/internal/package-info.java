/** Parsing internals of the model; not API, may change without notice. */
package io.github.insignia.openbadges.model.internal;
