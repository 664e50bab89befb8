package io.github.insignia.openbadges.portal;

import java.util.concurrent.Semaphore;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password encoder that runs at most {@code concurrency} hashes at once (one per core), first come
 * first served. Argon2id is memory-hard on purpose (19 MiB and 2 passes each, about 40 ms of one core):
 * fifty learners logging in at the same moment would otherwise hold about 1 GB of hash memory at once
 * and share the cores fifty ways with every cheap page. Queued, each log-in finishes in turn, the
 * memory stays bounded, and the other pages keep their share of the CPU. The hash itself is unchanged.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {
  private final PasswordEncoder delegate;
  private final Semaphore turns;

  BoundedPasswordEncoder(PasswordEncoder delegate, int concurrency) {
    if (concurrency < 1) {
      throw new PortalException(PortalErrorCode.PORTAL_CONFIG_INVALID, "at least one password hash at a time");
    }
    this.delegate = delegate;
    this.turns = new Semaphore(concurrency, true);
  }

  @Override
  public String encode(CharSequence raw) {
    enter();
    try {
      return delegate.encode(raw);
    } finally {
      turns.release();
    }
  }

  @Override
  public boolean matches(CharSequence raw, String encoded) {
    enter();
    try {
      return delegate.matches(raw, encoded);
    } finally {
      turns.release();
    }
  }

  @Override
  public boolean upgradeEncoding(String encoded) {
    return delegate.upgradeEncoding(encoded); // reads the parameters only: no hash
  }

  private void enter() {
    try {
      turns.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      // the request is being abandoned (shutdown): no answer about the password at all
      throw new IllegalStateException("interrupted while waiting to hash a password", e);
    }
  }
}
