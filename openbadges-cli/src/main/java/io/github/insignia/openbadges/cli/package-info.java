/** The {@code insignia} command line tool (picocli). */
package io.github.insignia.openbadges.cli;
