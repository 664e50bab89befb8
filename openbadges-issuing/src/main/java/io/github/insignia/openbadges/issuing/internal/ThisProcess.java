package io.github.insignia.openbadges.issuing.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * Who this process is, for the marks that tell other processes who holds a lock or wrote a folder:
 * pid, start time (a reused pid has another one) and host name, looked up once.
 */
public final class ThisProcess {
  /** This process's id. */
  public static final long PID = ProcessHandle.current().pid();
  /** This process's start time in epoch milliseconds, 0 when the OS does not say. */
  public static final long STARTED = startOf(ProcessHandle.current());
  /** The host name (no white space), {@code unknown} when it cannot be found. */
  public static final String HOST = host();

  private ThisProcess() {}

  /** A process's start time in epoch milliseconds, 0 when the OS does not say. */
  public static long startOf(ProcessHandle process) {
    return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
  }

  /**
   * Whether the process {@code pid} that started at {@code started} (0: unknown) on {@code host} has
   * ended. A process on another host is never known to have ended.
   */
  public static boolean hasEnded(long pid, long started, String host) {
    if (!HOST.equals(host)) {
      return false;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty() || !process.get().isAlive()) {
      return true;
    }
    long now = startOf(process.get());
    return started != 0 && now != 0 && now != started; // the pid was reused
  }

  private static String host() {
    for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
      String value = System.getenv(variable);
      if (value != null && !value.isBlank()) {
        return value.strip().replaceAll("\\s", "_");
      }
    }
    try {
      return InetAddress.getLocalHost().getHostName().replaceAll("\\s", "_");
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
