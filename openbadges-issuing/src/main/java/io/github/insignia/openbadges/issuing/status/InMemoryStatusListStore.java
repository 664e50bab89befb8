package io.github.insignia.openbadges.issuing.status;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link StatusListStore} in memory. Thread-safe: every method holds the store's lock, which is
 * cheap next to signing a credential. {@link FileStatusListStore} extends it with a journal.
 */
public class InMemoryStatusListStore implements StatusListStore {
  private final Clock clock;
  private final Map<String, StatusAssignment> byCredential = new HashMap<>();
  private final Map<String, List<StatusAssignment>> byRecipient = new HashMap<>();
  private final Map<String, Revocation> revocations = new LinkedHashMap<>();
  private long currentList = -1;
  private int nextIndex;
  private int lastCapacity;

  /** @param clock the time source for assignment and revocation times */
  public InMemoryStatusListStore(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized StatusAssignment assign(String credentialId, String recipientKey, int listCapacity) {
    Objects.requireNonNull(credentialId, "credentialId");
    Objects.requireNonNull(recipientKey, "recipientKey");
    if (listCapacity < 1) {
      throw new IllegalArgumentException("listCapacity must be at least 1");
    }
    StatusAssignment existing = byCredential.get(credentialId);
    if (existing != null) {
      return existing;
    }
    if (currentList < 0 || nextIndex >= listCapacity) {
      currentList++;
      nextIndex = 0;
    }
    StatusAssignment made =
        new StatusAssignment(credentialId, recipientKey, new StatusSlot(currentList, nextIndex), clock.instant());
    persistAssignment(made);
    apply(made);
    lastCapacity = listCapacity;
    return made;
  }

  @Override
  public synchronized Optional<StatusAssignment> assignment(String credentialId) {
    return Optional.ofNullable(byCredential.get(credentialId));
  }

  @Override
  public synchronized List<StatusAssignment> assignmentsOf(String recipientKey) {
    return List.copyOf(byRecipient.getOrDefault(recipientKey, List.of()));
  }

  @Override
  public synchronized boolean revoke(Revocation revocation) {
    Objects.requireNonNull(revocation, "revocation");
    if (revocations.containsKey(revocation.credentialId())) {
      return false;
    }
    persistRevocation(revocation);
    revocations.put(revocation.credentialId(), revocation);
    return true;
  }

  @Override
  public synchronized Optional<Revocation> revocation(String credentialId) {
    return Optional.ofNullable(revocations.get(credentialId));
  }

  @Override
  public synchronized List<Revocation> revocations() {
    return List.copyOf(revocations.values());
  }

  @Override
  public synchronized long listCount() {
    return currentList + 1;
  }

  /** The capacity given to the last {@link #assign}, 0 before any (for diagnostics). */
  synchronized int lastCapacity() {
    return lastCapacity;
  }

  /** The store's clock. */
  protected final Clock clock() {
    return clock;
  }

  /** Hook: make an assignment durable before it is applied (no-op in memory). */
  protected void persistAssignment(StatusAssignment assignment) {}

  /** Hook: make a revocation durable before it is applied (no-op in memory). */
  protected void persistRevocation(Revocation revocation) {}

  /** Applies an assignment read back from a journal or just made; keeps allocation monotonic. */
  protected final synchronized void apply(StatusAssignment a) {
    byCredential.put(a.credentialId(), a);
    byRecipient.computeIfAbsent(a.recipientKey(), k -> new ArrayList<>()).add(a);
    StatusSlot slot = a.slot();
    if (slot.listNumber() > currentList
        || (slot.listNumber() == currentList && slot.index() >= nextIndex)) {
      currentList = slot.listNumber();
      nextIndex = slot.index() + 1;
    }
  }

  /** Applies a revocation read back from a journal. */
  protected final synchronized void applyRevocation(Revocation r) {
    revocations.putIfAbsent(r.credentialId(), r);
  }
}
