package io.github.insignia.openbadges.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A new learner in headless Chromium (Debian's chromium and chromium-driver, never downloaded), with
 * JavaScript on so the proof-of-work captcha really runs: sign-up, confirmation, log-in, My badges,
 * details, import (one accepted, one refused), deletion, and the public page saying revoked; axe-core
 * (vendored by openbadges-web, MPL-2.0) finds no serious or critical violation on any portal page.
 * Skipped with a message where Chromium is missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@org.springframework.context.annotation.Import(ForeignIssuers.Dns.class)
class PortalBrowserTest {
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  // axe-core as openbadges-web vendors it, with its licence beside it: read in place, not copied
  static final Path AXE = Path.of("..", "openbadges-web", "src", "test", "resources", "axe", "axe.min.js");
  static final int PORT = PortalTestSupport.freePort();
  static final Path DATA = PortalTestSupport.tempDir();
  static final String BASE = "http://localhost:" + PORT;
  static ChromeDriver driver;

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    PortalTestSupport.register(r, PORT, DATA, 8);
    r.add("insignia.portal.export.allow-private-network", () -> "true"); // the export steps' backpack is on loopback
    r.add("insignia.portal.issuer-url", () -> "https://portal.example.org");
  }

  @BeforeAll
  static void start() throws Exception {
    boolean browser = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
    if (!browser) {
      System.err.println("PortalBrowserTest SKIPPED: no Chromium at " + CHROMIUM + " with " + CHROMEDRIVER
          + " (apt-get install -y chromium chromium-driver)");
    }
    Assumptions.assumeTrue(browser, "no Chromium/chromedriver installed: browser tests skipped");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=en-US",
        "--user-data-dir=" + Files.createDirectories(DATA.resolve("profile")));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
  }

  static void type(String id, String text) {
    driver.findElement(By.id(id)).clear();
    driver.findElement(By.id(id)).sendKeys(text);
  }

  static void submit() {
    driver.findElement(By.cssSelector("main form button[type=submit]")).click();
  }

  static String mainText() {
    return driver.findElement(By.tagName("main")).getText();
  }

  @Test
  void aNewLearnerFromSignUpToDeletion() throws Exception {
    // the address the foreign platforms' badges were issued to (ForeignIssuers' corpus)
    String email = ForeignIssuers.LEARNER;
    String password = "correct horse battery";
    String badgeId = PortalHttpTestSupportBridge.award(BASE, email);

    driver.get(BASE + "/signup");
    assertNoSeriousAccessibilityViolation();
    type("name", "Grace Hopper");
    type("email", email);
    type("password", password);
    // the page's own script solves the proof of work, then enables the button
    waitUntil(() -> !driver.findElement(By.cssSelector("input[name=pow_nonce]")).getAttribute("value").isEmpty());
    assertTrue(driver.findElement(By.id("pow-status")).getText().contains("done"));
    submit();
    // click() returns before the next page has loaded
    waitUntil(() -> driver.findElement(By.tagName("h1")).getText().contains("Check your mailbox"));

    String link = PortalTestSupport.link(PortalTestSupport.lastMailTo(DATA, email), BASE + "/confirm?token=");
    assertNotNull(link);
    driver.get(link);
    assertTrue(mainText().contains("Your address is confirmed"));
    assertNoSeriousAccessibilityViolation();

    driver.get(BASE + "/login");
    assertNoSeriousAccessibilityViolation();
    type("username", email);
    type("password", password);
    submit();
    waitUntil(() -> driver.getCurrentUrl().endsWith("/my"));
    assertTrue(mainText().contains("Teaching with open data"));
    assertNoSeriousAccessibilityViolation();

    driver.findElement(By.linkText("Teaching with open data")).click();
    waitUntil(() -> mainText().contains("Designing a data-based lesson"));
    assertTrue(driver.findElement(By.linkText("Add to LinkedIn")).getAttribute("href").startsWith("https://www.linkedin.com/"));
    assertNoSeriousAccessibilityViolation();
    ExportBrowserSteps.run(driver, driver.getCurrentUrl());

    // a badge Badgr baked (a hosted OB 2.0 assertion, its BadgeClass, issuer and image at Badgr's URLs)
    Path good = Files.write(DATA.resolve("badgr-badge.png"), ForeignIssuers.file("badgr-baked.png"));
    // an OB 3.0 credential Digital Bazaar's libraries signed for another learner
    Path other = Files.write(DATA.resolve("not-mine.json"), ForeignIssuers.file("ob3-other.json"));
    driver.get(BASE + "/import");
    assertNoSeriousAccessibilityViolation();
    driver.findElement(By.id("file")).sendKeys(good.toAbsolutePath().toString());
    submit();
    waitUntil(() -> mainText().contains("The badge was verified and imported"));
    assertTrue(mainText().contains("Data Literacy Foundations") && mainText().contains("Learning Example Academy"));
    assertTrue((Boolean) ((JavascriptExecutor) driver).executeScript(
        "const i = document.querySelector('ul.imported img'); return i.complete && i.naturalWidth > 0;"), "its image shows");
    assertNoSeriousAccessibilityViolation();
    driver.findElement(By.linkText("Data Literacy Foundations")).click();
    waitUntil(() -> mainText().contains("Reads, cleans and publishes open data responsibly."));
    assertTrue(mainText().contains("Manage data") && mainText().contains("valid"));
    assertNoSeriousAccessibilityViolation();
    driver.get(BASE + "/import?lang=es");
    driver.findElement(By.id("file")).sendKeys(other.toAbsolutePath().toString());
    submit();
    waitUntil(() -> mainText().contains("La insignia no se ha importado"));
    assertTrue(mainText().contains("Esta insignia se emitió a otra dirección de correo"), mainText());
    assertNoSeriousAccessibilityViolation();
    driver.get(BASE + "/my?lang=en");

    driver.get(BASE + "/account/delete");
    assertNoSeriousAccessibilityViolation();
    driver.findElement(By.id("confirm")).click();
    type("password", password);
    submit();
    waitUntil(() -> driver.getCurrentUrl().endsWith("/?deleted"));
    assertTrue(mainText().contains("Your account has been deleted"));

    driver.get(BASE + "/badges/badges/" + badgeId);
    assertTrue(driver.findElement(By.tagName("body")).getText().contains("The issuer revoked this badge"));
  }

  /** Polls the condition for up to 60 s (page loads and the proof of work take their time on a busy machine). */
  static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
      } catch (org.openqa.selenium.WebDriverException stale) {
        // the page changed under the lookup: look again
      }
      Thread.sleep(100);
    }
    throw new AssertionError("timed out at " + driver.getCurrentUrl() + ": " + driver.findElement(By.tagName("body")).getText());
  }

  /** axe-core's serious and critical violations of the current page (injected through the driver, past the CSP). */
  @SuppressWarnings("unchecked")
  static void assertNoSeriousAccessibilityViolation() throws Exception {
    JavascriptExecutor js = driver;
    js.executeScript(Files.readString(AXE, StandardCharsets.UTF_8));
    Object result = js.executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
            + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
            + ".map(v => v.id + ': ' + v.help + ' ' + v.nodes.map(n => n.html).join(' | '))))"
            + ".catch(e => done(['axe failed: ' + e]));");
    assertEquals(List.of(), (List<String>) result, driver.getCurrentUrl());
  }
}
