/** The steps of {@code insignia demo}, one class each. */
package io.github.insignia.openbadges.cli.demo;
