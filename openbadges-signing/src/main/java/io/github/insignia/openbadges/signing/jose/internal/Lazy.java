package io.github.insignia.openbadges.signing.jose.internal;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value computed on first use, once, even when several threads ask at the same time; then the
 * same instance for everyone.
 *
 * @param <T> the value's type
 */
public final class Lazy<T> implements Supplier<T> {
  private volatile T value;
  private Supplier<? extends T> compute;

  private Lazy(T value, Supplier<? extends T> compute) {
    this.value = value;
    this.compute = compute;
  }

  /** A value computed by {@code compute} when first asked for; it must not return null. */
  public static <T> Lazy<T> of(Supplier<? extends T> compute) {
    return new Lazy<>(null, Objects.requireNonNull(compute, "compute"));
  }

  /** A value known already (null allowed). */
  public static <T> Lazy<T> known(T value) {
    return new Lazy<>(value, null);
  }

  @Override
  public T get() {
    T v = value;
    if (v == null) {
      synchronized (this) {
        v = value;
        if (v == null && compute != null) {
          v = compute.get();
          value = v;
          compute = null;
        }
      }
    }
    return v;
  }
}
