/** Open Badges 3.0 value types (VC Data Model 2.0 and 1.1 forms), with builders. */
package io.github.insignia.openbadges.model.ob3;
