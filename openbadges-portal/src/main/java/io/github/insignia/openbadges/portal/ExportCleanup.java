package io.github.insignia.openbadges.portal;

import org.springframework.stereotype.Service;

/**
 * What account deletion undoes of the exports, before the account's rows go: the backpack tokens
 * (kept in the token store, outside the account's rows) are forgotten, and the copies wallets
 * received are revoked like the badges issued to the account.
 */
@Service
class ExportCleanup {
  private final BackpackExports backpacks;
  private final WalletCopies walletCopies;

  ExportCleanup(BackpackExports backpacks, WalletCopies walletCopies) {
    this.backpacks = backpacks;
    this.walletCopies = walletCopies;
  }

  /** Call before the account is deleted. */
  void accountDeleted(long accountId) {
    backpacks.forgetAccount(accountId);
    walletCopies.revokeCopies(accountId);
  }
}
