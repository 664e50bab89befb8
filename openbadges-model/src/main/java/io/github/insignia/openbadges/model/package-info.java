/**
 * The Open Badges data model. Start at {@link io.github.insignia.openbadges.model.BadgeDocuments}
 * to read any badge JSON (OB 0.5 to 3.0) into a {@link
 * io.github.insignia.openbadges.model.BadgeDocument}; build new documents with the builders in
 * {@code model.ob2} and {@code model.ob3}; create and check recipient identities with {@link
 * io.github.insignia.openbadges.model.RecipientIdentity} and {@link
 * io.github.insignia.openbadges.model.IdentityHash}.
 *
 * <p>Every value type wraps the JSON object it was read from, so unknown members survive a read and
 * write unchanged and in place.
 */
package io.github.insignia.openbadges.model;
