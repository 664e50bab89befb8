/** The Open Badges 2.0/2.1 and 3.0 data model. */
package io.github.insignia.openbadges.model;
