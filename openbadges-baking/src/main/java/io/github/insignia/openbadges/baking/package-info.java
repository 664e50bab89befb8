/** Baking a badge into its PNG or SVG image, and unbaking it. */
package io.github.insignia.openbadges.baking;
