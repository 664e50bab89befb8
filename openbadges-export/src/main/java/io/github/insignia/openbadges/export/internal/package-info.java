/** Internals of the export module; not API, may change without notice. */
package io.github.insignia.openbadges.export.internal;
