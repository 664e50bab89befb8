/** Open Badges 2.0/2.1 value types (also used for upgraded 0.5/1.x documents), with builders. */
package io.github.insignia.openbadges.model.ob2;
