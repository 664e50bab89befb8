/**
 * Backpack clients over {@code java.net.http}: {@link
 * io.github.insignia.openbadges.export.backpack.Ob3BackpackClient} (the OB 3.0 API) and {@link
 * io.github.insignia.openbadges.export.backpack.BadgeConnectClient} (Open Badges 2.1 Badge
 * Connect), with OAuth 2.0 dynamic registration, authorization code + PKCE S256 and refresh; tokens
 * are kept by a host {@link io.github.insignia.openbadges.export.backpack.TokenStore}.
 */
package io.github.insignia.openbadges.export.backpack;
