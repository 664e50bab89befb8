package io.github.insignia.openbadges.wallet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link WalletStore} in a folder, shared by any number of processes on one machine (the {@code
 * insignia offer} command writes offers that a running {@code insignia serve} redeems). One file per
 * entry, {@code <dir>/<kind>/<key>}: its first line the expiry (epoch seconds), then the value.
 * Writes go to a temporary file and are renamed into place; {@link #take} renames the entry to a
 * name only its caller knows before reading it, so of concurrent takers (in any process) exactly one
 * wins. Every 64th write sweeps expired files and refuses to write when a kind holds {@code
 * maxEntries} live files (default 10,000), so a kind never exceeds it by more than 64. Thread-safe.
 */
public final class FolderWalletStore implements WalletStore {
  private static final int SWEEP_EVERY = 64;

  private final Path dir;
  private final int maxEntries;
  private final Clock clock;
  private final AtomicInteger writes = new AtomicInteger();

  private FolderWalletStore(Path dir, int maxEntries, Clock clock) {
    this.dir = dir;
    this.maxEntries = maxEntries;
    this.clock = clock;
  }

  /**
   * Opens (creating it when absent) the store in {@code dir}, up to 10,000 entries of each kind.
   *
   * @param dir the folder (not a symbolic link)
   * @return the store
   * @throws WalletException {@link WalletErrorCode#WALLET_STORE_IO} when the folder cannot be created or is a link
   */
  public static FolderWalletStore open(Path dir) {
    return open(dir, 10_000, Clock.systemUTC());
  }

  /**
   * Opens the store with a bound per kind and the clock expired files are swept by.
   *
   * @param dir the folder
   * @param maxEntries the most files of one kind, at least 1
   * @param clock the sweeper's clock
   * @return the store
   * @throws WalletException {@link WalletErrorCode#WALLET_STORE_IO}
   */
  public static FolderWalletStore open(Path dir, int maxEntries, Clock clock) {
    Objects.requireNonNull(dir, "dir");
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1");
    }
    try {
      if (Files.isSymbolicLink(dir)) {
        throw new WalletException(WalletErrorCode.WALLET_STORE_IO, "the wallet store folder is a symbolic link: " + dir);
      }
      Files.createDirectories(dir);
      for (Kind k : Kind.values()) {
        Files.createDirectories(dir.resolve(folder(k)));
      }
    } catch (IOException e) {
      throw new WalletException(WalletErrorCode.WALLET_STORE_IO, "cannot create the wallet store folder " + dir + ": " + e.getMessage(), e);
    }
    return new FolderWalletStore(dir, maxEntries, Objects.requireNonNull(clock, "clock"));
  }

  private static String folder(Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  private Path file(Kind kind, String key) {
    return dir.resolve(folder(kind)).resolve(key);
  }

  @Override
  public void put(Kind kind, String key, String value, Instant expiresAt) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(expiresAt, "expiresAt");
    InMemoryWalletStore.check(key, value);
    Path target = file(kind, key);
    if (writes.getAndIncrement() % SWEEP_EVERY == 0) {
      int live = sweep(kind);
      if (live >= maxEntries && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        throw new WalletException(WalletErrorCode.WALLET_STORE_FULL,
            "the wallet store folder holds its maximum of " + maxEntries + " live " + folder(kind) + " entries");
      }
    }
    Path tmp = target.resolveSibling("." + key + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.writeString(tmp, expiresAt.getEpochSecond() + "\n" + value, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the sweep removes it later
      }
      throw new WalletException(WalletErrorCode.WALLET_STORE_IO, "cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** Deletes expired entries (and stale temporary files) of a kind; returns how many live ones remain. */
  private int sweep(Kind kind) {
    Instant now = clock.instant();
    int live = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir.resolve(folder(kind)))) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        if (name.startsWith(".")) {
          if (Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(now.minusSeconds(3600))) {
            Files.deleteIfExists(f);
          }
          continue;
        }
        Optional<Instant> expiry = readExpiry(f);
        if (expiry.isPresent() && !expiry.get().isAfter(now)) {
          Files.deleteIfExists(f);
        } else {
          live++;
        }
      }
    } catch (IOException e) {
      throw new WalletException(WalletErrorCode.WALLET_STORE_IO, "cannot list " + dir + ": " + e.getMessage(), e);
    }
    return live;
  }

  private static Optional<Instant> readExpiry(Path f) {
    try {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      int nl = text.indexOf('\n');
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(nl < 0 ? text : text.substring(0, nl))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // being replaced or foreign: left alone, counted as live
    }
  }

  @Override
  public Optional<String> get(Kind kind, String key, Instant now) {
    if (!WalletStore.validKey(key)) {
      return Optional.empty();
    }
    return read(file(kind, key), now);
  }

  @Override
  public Optional<String> take(Kind kind, String key, Instant now) {
    if (!WalletStore.validKey(key)) {
      return Optional.empty();
    }
    Path source = file(kind, key);
    Path claimed = source.resolveSibling("." + key + "." + UUID.randomUUID() + ".taken");
    try {
      Files.move(source, claimed, StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new WalletException(WalletErrorCode.WALLET_STORE_IO, "cannot take " + source + ": " + e.getMessage(), e);
    }
    try {
      return read(claimed, now);
    } finally {
      try {
        Files.deleteIfExists(claimed);
      } catch (IOException ignored) {
        // the sweep removes it later
      }
    }
  }

  private static Optional<String> read(Path f, Instant now) {
    String text;
    try {
      if (Files.isSymbolicLink(f)) {
        throw new WalletException(WalletErrorCode.WALLET_STORE_CORRUPT, "a wallet store entry is a symbolic link: " + f);
      }
      if (Files.size(f) > 4L * MAX_VALUE_CHARS + 32) {
        throw new WalletException(WalletErrorCode.WALLET_STORE_CORRUPT, "a wallet store entry is too large: " + f);
      }
      text = Files.readString(f, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new WalletException(WalletErrorCode.WALLET_STORE_IO, "cannot read " + f + ": " + e.getMessage(), e);
    }
    int nl = text.indexOf('\n');
    long expiry;
    try {
      expiry = Long.parseLong(nl < 0 ? "" : text.substring(0, nl));
    } catch (NumberFormatException e) {
      throw new WalletException(WalletErrorCode.WALLET_STORE_CORRUPT, "a wallet store entry has no expiry line: " + f, e);
    }
    return Instant.ofEpochSecond(expiry).isAfter(now) ? Optional.of(text.substring(nl + 1)) : Optional.empty();
  }
}
