package io.github.insignia.openbadges.wallet;

import io.github.insignia.openbadges.ErrorCode;

/**
 * The codes the wallet module throws (host misuse and storage failures). What a wallet is answered
 * on the wire is a {@link WalletProtocolError}, never one of these.
 */
public enum WalletErrorCode implements ErrorCode {
  /** The credential issuer URL is not an absolute http(s) URL without query or fragment (https unless loopback). */
  WALLET_ISSUER_URL_INVALID,
  /** An offer request the issuer could not honour: no achievement object, no format, a bad lifetime or transaction code. */
  WALLET_OFFER_INVALID,
  /** A store key or value outside the store's limits (key characters, value size). */
  WALLET_STORE_KEY_INVALID,
  /** The store holds its maximum number of live entries; nothing was stored. */
  WALLET_STORE_FULL,
  /** The store cannot read or write its storage (the folder store's files, the JDBC store's database). */
  WALLET_STORE_IO,
  /** A stored entry is unreadable (not written by this module, or truncated). */
  WALLET_STORE_CORRUPT
}
