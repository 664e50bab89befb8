/** Import verification of any badge, with a report in English and Spanish. */
package io.github.insignia.openbadges.validation;
