package io.github.insignia.openbadges.issuing.status;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Host SPI: where status slots and revocations are kept. A host backs it with its database; Insignia
 * ships {@link InMemoryStatusListStore} (tests, short jobs) and {@link FileStatusListStore} (an
 * append-only journal on disk).
 *
 * <p>Contract: implementations are thread-safe; {@link #assign} is atomic and idempotent per
 * credential id, and a slot handed out is never handed out again, even after a restart; a slot is
 * durable before {@code assign} returns, so a credential never carries a slot the store forgot.
 *
 * <p>Concurrency contract: the guarantees hold across <em>every</em> writer of the same backing
 * storage, not only the threads of one instance. When several instances share it (processes, nodes,
 * two batch runs), allocation must be one atomic step over all of them: read the highest slot and the
 * credential's existing assignment, write the new one, all under one exclusive lock or transaction
 * (a database sequence plus a unique constraint on the credential id also does). Reads see every
 * change completed before they began. An implementation that cannot get that exclusion within a
 * bounded time fails the call ({@link StatusStoreException}, {@code STATUS_STORE_LOCKED}) rather than
 * wait forever or allocate without it; a failed call hands out no slot. {@link
 * InMemoryStatusListStore} is one process's memory only; {@link FileStatusListStore} may be shared by
 * any number of processes on one machine.
 *
 * <p>Failure contract: every failure of the store itself (its storage cannot be read or written,
 * exclusion could not be had in time, a record cannot be read back, the store was closed) is a
 * {@link StatusStoreException} with one of the codes {@code STATUS_STORE_IO}, {@code
 * STATUS_STORE_LOCKED}, {@code STATUS_STORE_CORRUPT}, {@code STATUS_STORE_CLOSED}, whatever the
 * backing technology (an implementation keeps its own exception as the cause); callers rely on it:
 * a batch stops on a {@code StatusStoreException} rather than failing every remaining learner. A
 * value the store cannot hold (an id longer than its column) is the caller's input, an {@code
 * InvalidInputException}. No other exception type leaves a store.
 */
public interface StatusListStore {
  /**
   * Returns the slot of a credential, allocating the next never-used one when it has none. Slots are
   * allocated in order; when the current list holds {@code listCapacity} slots the next slot opens a
   * new list (rollover).
   *
   * @param credentialId the credential id
   * @param recipientKey the recipient's opaque key, for {@link #assignmentsOf}
   * @param listCapacity how many slots one list holds (at least 1)
   * @return the credential's assignment, existing or new
   */
  StatusAssignment assign(String credentialId, String recipientKey, int listCapacity);

  /** The assignment of a credential, when it has one. */
  Optional<StatusAssignment> assignment(String credentialId);

  /** Every assignment made to a recipient, in allocation order. */
  List<StatusAssignment> assignmentsOf(String recipientKey);

  /**
   * Records a revocation. Revocation is permanent and the first record wins.
   *
   * @return {@code true} when the credential was not revoked before
   */
  boolean revoke(Revocation revocation);

  /** The revocation of a credential, when it was revoked. */
  Optional<Revocation> revocation(String credentialId);

  /** Every revocation, in the order they were recorded. */
  List<Revocation> revocations();

  /** How many lists have been opened so far (list numbers are {@code 0 .. count-1}). */
  long listCount();

  /** A new empty store in memory. */
  static StatusListStore inMemory() {
    return new InMemoryStatusListStore(Clock.systemUTC());
  }

  /**
   * A store journalled in {@code directory} (created when missing), replayed when it exists; see
   * {@link FileStatusListStore} for how several processes share it.
   */
  static StatusListStore file(Path directory) {
    return FileStatusListStore.open(directory, Clock.systemUTC());
  }
}
