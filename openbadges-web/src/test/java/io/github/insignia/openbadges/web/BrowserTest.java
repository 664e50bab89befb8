package io.github.insignia.openbadges.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.validation.VerificationOptions;
import java.io.File;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The pages in a real browser: Debian's headless Chromium driven by Selenium (the driver at
 * /usr/bin/chromedriver, so Selenium Manager never downloads anything). Opens the badge page,
 * follows the download links, uploads a baked badge to the verification page and reads the
 * verdict, in English and Spanish, and runs axe-core (vendored, MPL-2.0) on each page. Skipped,
 * with the reason in the report, where no browser is installed.
 */
class BrowserTest {
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir static Path dir;
  static TestServer server;
  static String base;
  static Fixtures.Batch batch;
  static ChromeDriver driver;
  static Path downloads;

  @BeforeAll
  static void start() throws Exception {
    boolean browser = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
    if (!browser) {
      System.err.println("BrowserTest SKIPPED: no Chromium at " + CHROMIUM + " with " + CHROMEDRIVER
          + " (apt-get install -y chromium chromium-driver)");
    }
    Assumptions.assumeTrue(browser, "no Chromium/chromedriver installed: browser tests skipped");
    server = TestServer.start("/");
    base = "http://127.0.0.1:" + server.port();
    batch = Fixtures.issue(dir.resolve("out"), null, base, false);
    BadgeSite site = BadgeSite.builder(URI.create(base), FolderBadgeStore.open(batch.out()))
        .verificationOptions(VerificationOptions.builder().offline(true).build())
        .build();
    server.context().addServlet(new ServletHolder(new BadgeServlet(site)), "/*");

    downloads = Files.createDirectories(dir.resolve("downloads"));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")));
    Map<String, Object> prefs = new HashMap<>();
    prefs.put("download.default_directory", downloads.toString());
    prefs.put("download.prompt_for_download", false);
    prefs.put("safebrowsing.enabled", false);
    options.setExperimentalOption("prefs", prefs);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    // A form post navigates after click() returns: wait for the answer page's elements to appear.
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
    driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
  }

  @AfterAll
  static void stop() throws Exception {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  static String page(int i) {
    return base + "/badges/" + batch.folders().get(i).getFileName();
  }

  @Test
  void badgePageAndItsDownloads() throws Exception {
    driver.get(page(0));
    assertEquals("Ciencia & Tecnología <i>", driver.findElement(By.tagName("h1")).getText());
    assertEquals("Valid", driver.findElement(By.id("verdict")).getText());
    assertTrue(driver.findElement(By.cssSelector("a.linkedin")).getAttribute("href").startsWith("https://www.linkedin.com/"));
    Object natural = ((JavascriptExecutor) driver).executeScript("return document.querySelector('article img').naturalWidth");
    assertTrue(((Number) natural).intValue() > 0, "the baked PNG displays");
    List<WebElement> links = driver.findElements(By.cssSelector("a.download"));
    assertEquals(5, links.size());
    for (WebElement link : links) {
      link.click();
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    List<String> names = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      try (Stream<Path> s = Files.list(downloads)) {
        names = s.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".crdownload") && !n.startsWith(".")).sorted().toList();
      }
      if (names.size() == 5) {
        break;
      }
      Thread.sleep(100);
    }
    assertEquals(List.of("ciencia-tecnologia-i-badge.png", "ciencia-tecnologia-i-badge.svg", "ciencia-tecnologia-i-certificate.pdf",
        "ciencia-tecnologia-i-credential.json", "ciencia-tecnologia-i-credential.jwt"), names);
    assertEquals(Files.size(batch.folders().get(0).resolve("badge.png")), Files.size(downloads.resolve("ciencia-tecnologia-i-badge.png")));
    assertNoSeriousAccessibilityViolation();
  }

  @Test
  void verificationPageInEnglishAndSpanish() throws Exception {
    File png = batch.folders().get(1).resolve("badge.png").toFile();
    for (String[] lang : new String[][] {{"en", "Valid", "Verify"}, {"es", "Válida", "Verificar"}}) {
      driver.get(base + "/verify?lang=" + lang[0]);
      assertEquals(lang[0], driver.findElement(By.tagName("html")).getAttribute("lang"));
      assertNoSeriousAccessibilityViolation();
      driver.findElement(By.id("file")).sendKeys(png.getAbsolutePath());
      WebElement submit = driver.findElement(By.id("submit"));
      assertEquals(lang[2], submit.getText());
      submit.click();
      assertEquals(lang[1], driver.findElement(By.id("verdict")).getText());
      assertNoSeriousAccessibilityViolation();
    }
    driver.get(page(1) + "?lang=es");
    assertEquals("Válida", driver.findElement(By.id("verdict")).getText());
  }

  /** axe-core's serious and critical violations of the current page (the page's CSP is bypassed for the injected script only). */
  @SuppressWarnings("unchecked")
  static void assertNoSeriousAccessibilityViolation() throws Exception {
    String axe;
    try (InputStream in = BrowserTest.class.getResourceAsStream("/axe/axe.min.js")) {
      axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    JavascriptExecutor js = driver;
    js.executeScript(axe);
    Object result = js.executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
            + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
            + ".map(v => v.id + ': ' + v.help + ' ' + v.nodes.map(n => n.html).join(' | '))))"
            + ".catch(e => done(['axe failed: ' + e]));");
    assertEquals(List.of(), (List<String>) result, driver.getCurrentUrl());
  }
}
