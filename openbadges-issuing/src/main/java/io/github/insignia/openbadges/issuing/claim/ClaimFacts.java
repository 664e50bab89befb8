package io.github.insignia.openbadges.issuing.claim;

import java.util.Objects;
import java.util.Optional;

/**
 * What the host knows about a learner when the claim is checked. Immutable; build with {@link
 * #builder()}. Facts the host did not set count as not met (no account, not enrolled, no tasks, no
 * claim).
 */
public final class ClaimFacts {
  private final Optional<String> badgePlatformEmail;
  private final Optional<String> trainingPlatformEmail;
  private final boolean enrolled;
  private final int tasksCompleted;
  private final int minimumTasks;
  private final boolean claimMade;

  private ClaimFacts(Builder b) {
    this.badgePlatformEmail = Optional.ofNullable(b.badgePlatformEmail);
    this.trainingPlatformEmail = Optional.ofNullable(b.trainingPlatformEmail);
    this.enrolled = b.enrolled;
    this.tasksCompleted = b.tasksCompleted;
    this.minimumTasks = b.minimumTasks;
    this.claimMade = b.claimMade;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The e-mail of the learner's badge platform account; empty when there is no account. */
  public Optional<String> badgePlatformEmail() {
    return badgePlatformEmail;
  }

  /** The e-mail the training platform knows the learner by. */
  public Optional<String> trainingPlatformEmail() {
    return trainingPlatformEmail;
  }

  /** Whether the learner is enrolled in the course. */
  public boolean enrolled() {
    return enrolled;
  }

  /** How many tasks the learner completed. */
  public int tasksCompleted() {
    return tasksCompleted;
  }

  /** How many tasks the badge requires. */
  public int minimumTasks() {
    return minimumTasks;
  }

  /** Whether the learner asked for the badge. */
  public boolean claimMade() {
    return claimMade;
  }

  /** Builds {@link ClaimFacts}. */
  public static final class Builder {
    private String badgePlatformEmail;
    private String trainingPlatformEmail;
    private boolean enrolled;
    private int tasksCompleted;
    private int minimumTasks;
    private boolean claimMade;

    private Builder() {}

    /** The learner has a badge platform account with this e-mail. */
    public Builder badgePlatformAccount(String email) {
      this.badgePlatformEmail = Objects.requireNonNull(email, "email");
      return this;
    }

    /** The training platform knows the learner by this e-mail. */
    public Builder trainingPlatformEmail(String email) {
      this.trainingPlatformEmail = Objects.requireNonNull(email, "email");
      return this;
    }

    /** Whether the learner is enrolled. */
    public Builder enrolled(boolean enrolled) {
      this.enrolled = enrolled;
      return this;
    }

    /** Tasks completed and the minimum required (both at least 0). */
    public Builder tasks(int completed, int minimum) {
      if (completed < 0 || minimum < 0) {
        throw new IllegalArgumentException("task counts cannot be negative");
      }
      this.tasksCompleted = completed;
      this.minimumTasks = minimum;
      return this;
    }

    /** Whether the learner claimed the badge. */
    public Builder claimMade(boolean claimMade) {
      this.claimMade = claimMade;
      return this;
    }

    /** The facts. */
    public ClaimFacts build() {
      return new ClaimFacts(this);
    }
  }
}
