/** Safe JSON reading under configurable limits, and writing. */
package io.github.insignia.openbadges.json;
