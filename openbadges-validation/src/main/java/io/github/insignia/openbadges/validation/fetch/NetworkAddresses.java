package io.github.insignia.openbadges.validation.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Classifies addresses a verifier must not connect to on behalf of a badge it was handed. */
final class NetworkAddresses {
  private NetworkAddresses() {}

  /**
   * True for loopback, unspecified, private (RFC 1918, IPv6 ULA), link-local, multicast, CGNAT
   * shared space, benchmarking, reserved and broadcast addresses, and for IPv6 forms that embed
   * such an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64 well-known prefix, 6to4).
   */
  static boolean isRestricted(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isAnyLocalAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] a = address.getAddress();
    if (address instanceof Inet4Address) {
      return isRestrictedV4(a);
    }
    if (address instanceof Inet6Address) {
      int first = a[0] & 0xff;
      if ((first & 0xfe) == 0xfc) {
        return true; // fc00::/7 unique local
      }
      if (first == 0xfe && (a[1] & 0xc0) == 0xc0) {
        return true; // fec0::/10 site local (deprecated)
      }
      if (isZero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
        return isRestricted(v4(a, 12)); // ::ffff:a.b.c.d
      }
      if (isZero(a, 0, 12)) {
        return true; // ::a.b.c.d (deprecated compatible form), :: and ::1 included
      }
      if ((a[0] & 0xff) == 0x00 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff
          && (a[3] & 0xff) == 0x9b && isZero(a, 4, 12)) {
        return isRestricted(v4(a, 12)); // 64:ff9b::/96 NAT64
      }
      if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x02) {
        return isRestricted(v4(a, 2)); // 2002::/16 6to4
      }
      return false;
    }
    return true;
  }

  private static boolean isRestrictedV4(byte[] a) {
    int b0 = a[0] & 0xff;
    int b1 = a[1] & 0xff;
    int b2 = a[2] & 0xff;
    return b0 == 0 // 0.0.0.0/8 "this network"
        || b0 == 10
        || b0 == 127
        || (b0 == 100 && (b1 & 0xc0) == 64) // 100.64.0.0/10 CGNAT
        || (b0 == 169 && b1 == 254)
        || (b0 == 172 && (b1 & 0xf0) == 16)
        || (b0 == 192 && b1 == 0 && b2 == 0) // 192.0.0.0/24 IETF protocol assignments
        || (b0 == 192 && b1 == 168)
        || (b0 == 198 && (b1 & 0xfe) == 18) // 198.18.0.0/15 benchmarking
        || b0 >= 224; // multicast, reserved, broadcast
  }

  private static boolean isZero(byte[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static InetAddress v4(byte[] a, int offset) {
    try {
      return InetAddress.getByAddress(new byte[] {a[offset], a[offset + 1], a[offset + 2], a[offset + 3]});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
