package io.github.insignia.openbadges.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.wallet.CredentialOffer;
import io.github.insignia.openbadges.wallet.ExchangeInvitation;
import io.github.insignia.openbadges.wallet.FolderWalletStore;
import io.github.insignia.openbadges.wallet.OfferRequest;
import io.github.insignia.openbadges.wallet.WalletFormat;
import io.github.insignia.openbadges.wallet.WalletOffers;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code insignia offer ACHIEVEMENT.json --issuer-url URL --dir DIR}: makes a credential offer that a
 * running {@code insignia serve --dir DIR --wallet-key … --wallet-issuer …} redeems, and prints the
 * offer URI and a terminal QR code. The offer reaches the server through the shared folder {@code
 * DIR/wallet/} (one file per offer, taken atomically when the wallet redeems it).
 */
@Command(
    name = "offer",
    mixinStandardHelpOptions = true,
    description = {
      "Offer a badge to a phone wallet (OpenID4VCI pre-authorized code, or a VC-API exchange with --exchange).",
      "Prints the offer URI and a QR code to scan; the running 'insignia serve' with the same --dir issues it to the wallet's DID."
    })
final class OfferCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "ACHIEVEMENT.json", description = "The OB 3.0 Achievement JSON (as issue-batch --achievement).")
  Path achievement;

  @Option(names = "--issuer-url", required = true, paramLabel = "URL",
      description = "The running serve's --base-url (the credential issuer; http only for loopback addresses).")
  String issuerUrl;

  @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The running serve's --dir: the offer is written to DIR/wallet/.")
  Path dir;

  @Option(names = "--pin", description = "Guard the offer with a six-digit transaction code, printed beside the QR code.")
  boolean pin;

  @Option(names = "--format", paramLabel = "FORMAT", split = ",",
      description = "ldp_vc (Data Integrity, default) and/or jwt_vc_json (VC-JWT).")
  List<String> formats;

  @Option(names = "--valid-for", paramLabel = "DURATION", defaultValue = "PT15M",
      description = "How long the offer can be redeemed (ISO 8601, default ${DEFAULT-VALUE}, at most P7D).")
  Duration validFor;

  @Option(names = "--name", paramLabel = "NAME", description = "The learner's name in the credential.")
  String name;

  @Option(names = "--exchange", description = "Make a VC-API exchange for the Learner Credential Wallet instead (prints its deep link).")
  boolean exchange;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    URI issuer = ServeCommand.checkBaseUrl(spec.commandLine(), issuerUrl);
    ObjectNode json = IssueBatchCommand.readObject(achievement, "achievement");
    OfferRequest.Builder request = OfferRequest.builder(json).txCode(pin).lifetime(validFor);
    if (formats != null && !formats.isEmpty()) {
      WalletFormat[] chosen = formats.stream().map(this::format).toArray(WalletFormat[]::new);
      request.formats(chosen[0], java.util.Arrays.copyOfRange(chosen, 1, chosen.length));
    }
    if (name != null) {
      request.recipientName(name);
    }
    WalletOffers offers = WalletOffers.create(issuer, FolderWalletStore.open(dir.resolve(ServeCommand.WALLET_STATE)));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (exchange) {
      ExchangeInvitation inv = offers.exchange(request.build());
      out.println(inv.lcwDeepLink());
      out.print(inv.terminalQr());
      err.println("exchange: " + inv.exchangeUrl() + " (expires " + inv.expiresAt() + ")");
    } else {
      CredentialOffer offer = offers.offer(request.build());
      out.println(offer.uriByReference());
      out.print(offer.terminalQr());
      offer.txCode().ifPresent(code -> out.println("PIN: " + code));
      err.println("offer expires " + offer.expiresAt() + "; it can be redeemed once");
    }
    out.flush();
    err.flush();
    return InsigniaCommand.EXIT_OK;
  }

  private WalletFormat format(String value) {
    for (WalletFormat f : WalletFormat.values()) {
      if (f.format().equals(value)) {
        return f;
      }
    }
    throw new CommandLine.ParameterException(spec.commandLine(), "--format is ldp_vc or jwt_vc_json, not " + value);
  }
}
