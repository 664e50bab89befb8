/** Internals of the wallet module: proof-of-possession checks, random secrets, QR rendering. Not API. */
package io.github.insignia.openbadges.wallet.internal;
