package io.github.insignia.openbadges.cli;

import io.github.insignia.openbadges.issuing.http.ServiceRequest;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.issuing.batch.FolderSink;
import io.github.insignia.openbadges.web.BadgeSite;
import io.github.insignia.openbadges.web.CertificatePdf;
import io.github.insignia.openbadges.web.FolderBadgeStore;
import io.github.insignia.openbadges.web.WebResponse;
import io.github.insignia.openbadges.web.PublishedBadge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** {@code issue-batch --pdf}: a {@code certificate.pdf} beside each badge that has none yet. */
final class Certificates {
  private Certificates() {}

  /** Writes the missing certificates under {@code out}; returns how many were written. */
  static int writeAll(Path out, String site) {
    CertificatePdf pdf = CertificatePdf.create();
    BadgeSite ob2Site = null;
    int written = 0;
    try (DirectoryStream<Path> folders = Files.newDirectoryStream(out, Files::isDirectory)) {
      for (Path folder : folders) {
        Path json = folder.resolve(PublishedBadge.CREDENTIAL);
        Path target = folder.resolve(PublishedBadge.PDF);
        if (Files.exists(target)) {
          continue;
        }
        if (!Files.isRegularFile(json)) {
          if (Files.isRegularFile(folder.resolve(FolderSink.OB2_DOCUMENTS))) {
            // an OB 2.0 hosted badge names its BadgeClass and issuer by URL: the site, reading the
            // published documents, renders it as it would on request
            if (ob2Site == null) {
              ob2Site = BadgeSite.builder(java.net.URI.create(site), FolderBadgeStore.open(out)).build();
            }
            WebResponse r = ob2Site.handle(ServiceRequest.builder("GET", "/badges/" + folder.getFileName() + "/" + PublishedBadge.PDF).build());
            if (r.status() == 200) {
              write(folder, target, r.body());
              written++;
            }
          }
          continue;
        }
        byte[] credential = Files.readAllBytes(json);
        JsonNode node = SafeJson.read(credential);
        Path png = folder.resolve(PublishedBadge.PNG);
        CertificatePdf.Input input = CertificatePdf.Input.builder(node, site + "/badges/" + folder.getFileName())
            .image(Files.isRegularFile(png) ? Files.readAllBytes(png) : null)
            .credentialFile("credential.json", credential)
            .build();
        write(folder, target, pdf.render(input));
        written++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return written;
  }

  private static void write(Path folder, Path target, byte[] pdf) throws IOException {
    // written aside and renamed, so a folder never holds half a certificate
    Path temp = folder.resolve(".certificate.pdf.tmp");
    Files.write(temp, pdf);
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
  }
}
