/** Backpack clients and providers, LinkedIn "Add to profile" and share links. */
package io.github.insignia.openbadges.export;
