package io.github.insignia.openbadges.baking;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.imaging.Imaging;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** What we bake, other readers read: the JDK's PNG reader, Commons Imaging, a namespace-aware DOM. */
class IndependentReadersTest {
  private final BadgeBaker baker = BadgeBaker.create();

  @Test
  void theJdkPngReaderSeesOneUncompressedITXtEntry() throws Exception {
    byte[] baked = baker.bake(TestImages.smallPng(), BadgePayload.of(TestImages.OB3_JSON));
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(baked))) {
      ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
      reader.setInput(in);
      Node root = reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
      List<Element> entries = new ArrayList<>();
      collect(root, "iTXtEntry", entries);
      assertEquals(1, entries.size());
      Element entry = entries.get(0);
      assertEquals("openbadgecredential", entry.getAttribute("keyword"));
      assertEquals("FALSE", entry.getAttribute("compressionFlag"));
      assertEquals("", entry.getAttribute("languageTag"));
      assertEquals("", entry.getAttribute("translatedKeyword"));
      assertEquals(TestImages.OB3_JSON, entry.getAttribute("text"));
      reader.dispose();
    }
  }

  @Test
  void commonsImagingReadsTheBadgeText() throws Exception {
    byte[] baked = baker.bake(TestImages.smallPng(), BadgePayload.of(TestImages.OB2_URL));
    String metadata = String.valueOf(Imaging.getMetadata(baked));
    assertTrue(metadata.contains("openbadges: " + TestImages.OB2_URL), metadata);
  }

  @Test
  void aNamespaceAwareDomSeesTheElementAndTheSameText() throws Exception {
    String payload = "{\"a\":\"]]>\",\"b\":\"x\"}";
    byte[] baked = baker.bake(TestImages.svgBytes(), BadgePayload.of(payload, BadgeVersion.OB_3_0));
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(baked));
    NodeList found = document.getElementsByTagNameNS("https://purl.imsglobal.org/ob/v3p0", "credential");
    assertEquals(1, found.getLength());
    assertEquals(payload, found.item(0).getTextContent());
    assertSame(document.getDocumentElement(), found.item(0).getParentNode());
    assertEquals(found.item(0), document.getDocumentElement().getFirstChild(), "first inside <svg>");
  }

  private static void collect(Node node, String name, List<Element> out) {
    if (node instanceof Element e && e.getNodeName().equals(name)) {
      out.add(e);
    }
    for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
      collect(child, name, out);
    }
  }
}
