package io.github.insignia.openbadges.wallet.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/** QR codes as text (Unicode half blocks, two modules per character) and as SVG. */
public final class TerminalQr {
  private static final int QUIET = 2;

  private TerminalQr() {}

  /** The QR matrix of the text, no margin (error correction M). */
  public static BitMatrix matrix(String text) {
    try {
      return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
    } catch (WriterException e) {
      throw new IllegalArgumentException("the text does not fit in a QR code: " + e.getMessage(), e);
    }
  }

  /**
   * The QR code drawn with the upper/lower half blocks, light modules as blocks, as {@code qrencode
   * -t UTF8} does: on a terminal with a dark background the code reads dark-on-light, with a quiet
   * zone of two modules.
   */
  public static String text(String content) {
    BitMatrix m = matrix(content);
    int size = m.getWidth() + 2 * QUIET;
    StringBuilder out = new StringBuilder();
    for (int y = 0; y < size; y += 2) {
      for (int x = 0; x < size; x++) {
        boolean top = light(m, x - QUIET, y - QUIET);
        boolean bottom = y + 1 >= size || light(m, x - QUIET, y + 1 - QUIET);
        out.append(top ? (bottom ? '\u2588' : '\u2580') : (bottom ? '\u2584' : ' '));
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static boolean light(BitMatrix m, int x, int y) {
    return x < 0 || y < 0 || x >= m.getWidth() || y >= m.getHeight() || !m.get(x, y);
  }

  /** The QR code as an SVG document (one path, four-module quiet zone). */
  public static String svg(String content) {
    BitMatrix m = matrix(content);
    int q = 4;
    int size = m.getWidth() + 2 * q;
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < m.getHeight(); y++) {
      for (int x = 0; x < m.getWidth(); x++) {
        if (m.get(x, y)) {
          path.append('M').append(x + q).append(',').append(y + q).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
        + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\""
        + path + "\"/></svg>";
  }
}
