package io.github.insignia.openbadges.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With {@code spring.mail.host} set, the portal's mails go through SMTP (a real GreenMail server on loopback). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class PortalSmtpTest {
  static final int PORT = PortalTestSupport.freePort();
  static final int SMTP_PORT = PortalTestSupport.freePort();
  static final Path DATA = PortalTestSupport.tempDir();

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    PortalTestSupport.register(r, PORT, DATA, 0);
    r.add("spring.mail.host", () -> "127.0.0.1");
    r.add("spring.mail.port", () -> SMTP_PORT);
    r.add("insignia.portal.mail-from", () -> "badges@portal.example");
  }

  @Test
  void theConfirmationMailGoesThroughSmtpInTheLearnersLanguageAndItsLinkConfirms() throws Exception {
    PortalClient c = new PortalClient("http://localhost:" + PORT);
    c.get("/?lang=es");
    HttpResponse<String> r = c.submit("/signup", "/signup", "name", "Ana García", "email", "ana@example.org", "password", "correct horse battery");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(smtp.waitForIncomingEmail(10_000, 1));
    MimeMessage m = smtp.getReceivedMessages()[0];
    assertEquals("Confirma tu dirección", m.getSubject());
    assertEquals("ana@example.org", m.getAllRecipients()[0].toString());
    String body = (String) m.getContent(); // decoded
    String link = PortalTestSupport.link(body, "http://localhost:" + PORT + "/confirm?token=");
    assertTrue(link != null, body);
    String page = PortalClient.text(c.get(link));
    assertTrue(page.contains("Tu dirección está confirmada"), link + " -> " + page);
    assertEquals(0, PortalTestSupport.mailCount(DATA), "nothing in the mail folder");
  }
}
