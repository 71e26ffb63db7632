package org.punchgate.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.devtools.CdpVersionFinder;

/**
 * A headless Chromium for the browser tests, driven through the chromedriver on the PATH (Debian: chromium and
 * chromium-driver), with a throw-away profile. Absent binaries mean no browser: the tests skip with the reason.
 */
final class HeadlessChromium implements AutoCloseable {

  static final String SKIP_REASON = "browser test skipped: chromium and chromedriver must be on the PATH "
      + "(Debian: apt-get install chromium chromium-driver)";

  // the tests speak WebDriver only, so Selenium's warnings about an unknown DevTools version are noise;
  // held here because java.util.logging keeps loggers weakly
  private static final List<Logger> DEVTOOLS_WARNINGS = List.of(Logger.getLogger(ChromiumDriver.class.getName()),
      Logger.getLogger(CdpVersionFinder.class.getName()));

  private final Path profile;
  private final ChromeDriver driver;

  private HeadlessChromium(Path profile, ChromeDriver driver) {
    this.profile = profile;
    this.driver = driver;
  }

  /** A browser with a window of {@code window}, keeping the page's console messages; empty without chromium. */
  static Optional<HeadlessChromium> start(Dimension window) throws IOException {
    Optional<Path> chromium = onPath("chromium", "chromium-browser");
    Optional<Path> chromedriver = onPath("chromedriver");
    if (chromium.isEmpty() || chromedriver.isEmpty()) {
      return Optional.empty();
    }
    DEVTOOLS_WARNINGS.forEach(log -> log.setLevel(Level.SEVERE));
    Path profile = Files.createTempDirectory("punchgate-chromium");
    // the driver is given explicitly, so Selenium Manager never looks for one online
    var service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.get().toFile())
        .usingAnyFreePort().build();
    var options = new ChromeOptions().setBinary(chromium.get().toFile()).addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=" + window.getWidth() + "," + window.getHeight(), "--user-data-dir=" + profile);
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    return Optional.of(new HeadlessChromium(profile, new ChromeDriver(service, options)));
  }

  ChromeDriver driver() {
    return driver;
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }

  private static Optional<Path> onPath(String... names) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(names)
        .flatMap(name -> Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, name)))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
