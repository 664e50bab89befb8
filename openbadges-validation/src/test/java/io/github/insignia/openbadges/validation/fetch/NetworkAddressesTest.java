package io.github.insignia.openbadges.validation.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetworkAddressesTest {
  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, true", "127.8.9.10, true", "10.1.2.3, true", "172.16.0.1, true", "172.31.255.255, true",
    "172.32.0.1, false", "192.168.1.1, true", "169.254.169.254, true", "100.64.0.1, true",
    "0.0.0.0, true", "224.0.0.1, true", "255.255.255.255, true", "198.18.0.1, true",
    "8.8.8.8, false", "93.184.216.34, false",
    "::1, true", "::, true", "fe80::1, true", "fd00::1, true", "fc00::1, true", "ff02::1, true",
    "::ffff:127.0.0.1, true", "::ffff:10.0.0.1, true", "::ffff:8.8.8.8, false",
    "64:ff9b::a00:1, true", "2002:7f00:1::, true", "2606:4700:4700::1111, false"
  })
  void classifies(String literal, boolean restricted) throws Exception {
    assertEquals(restricted, NetworkAddresses.isRestricted(InetAddress.getByName(literal)), literal);
  }
}
