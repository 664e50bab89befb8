/** Internals of the command line tool: nothing here is a command or a public API. */
package io.github.insignia.openbadges.cli.internal;
