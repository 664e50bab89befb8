package io.github.insignia.openbadges.portal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.export.provider.BackpackProvider;
import io.github.insignia.openbadges.export.provider.ConsentDecision;
import io.github.insignia.openbadges.export.provider.JdkHttpServerAdapter;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The export steps of {@link PortalBrowserTest}, in a real browser (so the CSP and the cross-site
 * navigation to the backpack and back are real): the wallet offer page, then a backpack on loopback
 * whose consent page the learner approves, with axe-core run on each portal page.
 */
final class ExportBrowserSteps {
  private ExportBrowserSteps() {}

  /** From the badge's details page (the driver is on it): wallet offer, then export to a loopback backpack. */
  static void run(ChromeDriver driver, String detailsUrl) throws Exception {
    driver.findElement(By.cssSelector("form[action$='/wallet'] button[type=submit]")).click();
    PortalBrowserTest.waitUntil(() -> !driver.findElements(By.id("offer-qr")).isEmpty());
    assertTrue(driver.findElement(By.id("offer-link")).getAttribute("href").startsWith("openid-credential-offer://"));
    PortalBrowserTest.assertNoSeriousAccessibilityViolation();

    try (JdkHttpServerAdapter backpack = JdkHttpServerAdapter.startLoopback(0, base -> BackpackProvider.builder(base,
        req -> ConsentDecision.ask("browser-learner")).name("Loopback Backpack").build())) {
      driver.get(detailsUrl);
      driver.findElement(By.id("backpack")).sendKeys(backpack.baseUrl().toString());
      driver.findElement(By.cssSelector("form[action$='/backpack'] button[type=submit]")).click();
      PortalBrowserTest.waitUntil(() -> !driver.findElements(By.id("authorize")).isEmpty());
      PortalBrowserTest.assertNoSeriousAccessibilityViolation();
      driver.findElement(By.id("authorize")).click();
      // the backpack's own consent page: the learner allows the portal
      PortalBrowserTest.waitUntil(() -> !driver.findElements(By.cssSelector("button[value=approve]")).isEmpty());
      driver.findElement(By.cssSelector("button[value=approve]")).click();
      PortalBrowserTest.waitUntil(() -> driver.findElement(By.tagName("main")).getText().contains("The badge was added to your backpack."));
      PortalBrowserTest.assertNoSeriousAccessibilityViolation();
    }
  }
}
