package io.github.insignia.openbadges.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.github.insignia.openbadges.wallet.internal.TerminalQr;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The terminal QR code decodes back to the offer URI (read as a phone would: dark modules on light). */
class TerminalQrTest {
  @Test
  void halfBlockTextDecodesToTheUri() throws Exception {
    String uri = "openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fbadges.example.org%2Foid4vci%2Foffers%2FabcDEF123";
    String text = TerminalQr.text(uri);
    String[] rows = text.split("\n");
    int width = rows[0].length();
    int scale = 4;
    int height = rows.length * 2;
    int[] pixels = new int[width * scale * height * scale];
    for (int r = 0; r < rows.length; r++) {
      assertEquals(width, rows[r].length(), "every row has the same width");
      for (int x = 0; x < width; x++) {
        char c = rows[r].charAt(x);
        boolean topLight = c == '\u2588' || c == '\u2580';
        boolean bottomLight = c == '\u2588' || c == '\u2584';
        paint(pixels, width * scale, x, 2 * r, scale, topLight);
        paint(pixels, width * scale, x, 2 * r + 1, scale, bottomLight);
      }
    }
    BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width * scale, height * scale, pixels)));
    String decoded = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    assertEquals(uri, decoded);
    assertTrue(TerminalQr.svg(uri).startsWith("<svg"));
  }

  private static void paint(int[] pixels, int stride, int x, int y, int scale, boolean light) {
    int rgb = light ? 0xFFFFFF : 0x000000;
    for (int dy = 0; dy < scale; dy++) {
      for (int dx = 0; dx < scale; dx++) {
        pixels[(y * scale + dy) * stride + x * scale + dx] = rgb;
      }
    }
  }
}
