package io.github.insignia.openbadges.portal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Sends the portal's mails: through SMTP (Spring Mail) when {@code spring.mail.host} is set,
 * otherwise written as {@code .eml} files to {@code DATA/mail/}, whose place the log tells at start.
 */
final class Mailer {
  private static final System.Logger LOG = System.getLogger(Mailer.class.getName());
  private final JavaMailSender smtp;
  private final Path folder;
  private final String from;
  private final Clock clock;

  Mailer(JavaMailSender smtp, Path folder, String from, Clock clock) {
    this.smtp = smtp;
    this.folder = folder;
    this.from = from;
    this.clock = clock;
    if (smtp == null) {
      LOG.log(System.Logger.Level.INFO, "insignia portal: no SMTP server configured (spring.mail.host); mails are written to {0}",
          folder.toAbsolutePath());
    }
  }

  void send(String to, String subject, String body) {
    if (smtp != null) {
      SimpleMailMessage m = new SimpleMailMessage();
      m.setFrom(from);
      m.setTo(to);
      m.setSubject(subject);
      m.setText(body);
      try {
        smtp.send(m);
      } catch (MailException e) {
        throw new PortalException(PortalErrorCode.PORTAL_MAIL_FAILED, "the mail could not be sent", e);
      }
      return;
    }
    String name = DateTimeFormatter.ISO_INSTANT.format(clock.instant()).replace(':', '-') + "-" + UUID.randomUUID() + ".eml";
    String eml = "From: " + from + "\r\nTo: " + to + "\r\nSubject: =?UTF-8?B?"
        + Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "?=\r\n"
        + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        + body.replace("\r\n", "\n").replace("\n", "\r\n") + "\r\n";
    try {
      Files.createDirectories(folder);
      Path file = folder.resolve(name);
      Files.writeString(file, eml, StandardCharsets.UTF_8);
      LOG.log(System.Logger.Level.INFO, "insignia portal: mail written to {0}", file.toAbsolutePath());
    } catch (IOException e) {
      throw new PortalException(PortalErrorCode.PORTAL_MAIL_FAILED, "the mail could not be written to " + folder, e);
    }
  }
}
