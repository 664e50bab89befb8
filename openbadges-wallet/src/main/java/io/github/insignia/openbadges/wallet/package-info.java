/**
 * Badges into learners' wallets. {@link io.github.insignia.openbadges.wallet.WalletOffers} makes
 * credential offers (OpenID4VCI pre-authorized code, optionally with a transaction code) and VC-API
 * exchange invitations; {@link io.github.insignia.openbadges.wallet.WalletIssuer} answers the
 * wallet's requests (metadata, token, nonce, credential, exchange) and issues through the host's
 * {@code BadgeIssuer}; {@link io.github.insignia.openbadges.wallet.WalletServlet} mounts it in a
 * servlet container. State lives behind {@link io.github.insignia.openbadges.wallet.WalletStore}.
 */
package io.github.insignia.openbadges.wallet;
