package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One buyer at a real browser: a headless Chromium opens the buyer simulator, punches out into the demo
 * shop through the gateway, fills the cart by clicking, transfers it, and reads what the gateway's
 * auto-submitted page delivered to the simulator's hook. Skipped when chromium or chromedriver is absent.
 */
@ExtendWith(LocalRunnerExtension.class)
class BrowserRoundTripIT {

  private static final Path SCREENSHOTS = Path.of("target", "browser");
  private static final Duration PAGE_WAIT = Duration.ofSeconds(20);
  private static final Dimension WINDOW = new Dimension(1400, 1000);

  private static HeadlessChromium chromium;
  private static ChromeDriver browser;
  private static WebDriverWait wait;

  @BeforeAll
  static void startBrowser() throws IOException {
    // without chromium each test skips with the reason: a skip in @BeforeAll leaves no trace in the test report
    chromium = HeadlessChromium.start(WINDOW).orElse(null);
    if (chromium != null) {
      browser = chromium.driver();
      wait = new WebDriverWait(browser, PAGE_WAIT);
    }
  }

  @BeforeEach
  void needsBrowser() {
    assumeTrue(browser != null, HeadlessChromium.SKIP_REASON);
  }

  @AfterAll
  static void quitBrowser() throws IOException {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void oci40CartClickedTogetherInTheShopArrivesAtTheBuyer(LocalRunner runner) throws IOException {
    startPunchout(runner, "demo-oci4", "UTF-8");

    assertTrue(text(By.id("buyer")).contains("globex-buyers"), text(By.id("buyer")));
    assertEquals("7.45 EUR / BX", priceInCatalog("PPE-NITRILE-L"), "the group's price, not the list price 8.95");
    assertEquals("9.80 EUR / EA", priceInCatalog("TAPE-5M-MAG"));
    addToCart("PPE-NITRILE-L", "3", 1);
    addToCart("TAPE-5M-MAG", "1", 2);
    transferCart();

    assertTrue(text(By.id("received-summary")).contains("2 item(s) received from demo-oci4"),
        text(By.id("received-summary")));
    var items = receivedItems();
    assertEquals(2, items.size(), items.toString());
    // DESCRIPTION is cut to OCI's 40 characters; units go through the connection's unit map (BX→KAR, EA→ST)
    assertItem(items.get(0), "Disposable nitrile gloves, size L, box o", "3", "7.45", "EUR", "KAR");
    assertItem(items.get(1), "Tape measure 5 m x 25 mm, magnetic hook", "1", "9.80", "EUR", "ST");
    screenshotOfReceivedItems("oci-roundtrip.png");
  }

  @Test
  void oci50CartInIso88591KeepsUmlautsAndTheKitsPartAsChildLine(LocalRunner runner) throws IOException {
    startPunchout(runner, "demo-oci5", "ISO-8859-1");

    assertEquals("159.00 EUR / EA", priceInCatalog("DRL-18V-KIT"));
    assertEquals("9.90 EUR / EA", priceInCatalog("PPE-GOGGLE-OTG"));
    addToCart("DRL-18V-KIT", "1", 1);
    addToCart("PPE-GOGGLE-OTG", "2", 2);
    transferCart();

    assertTrue(text(By.id("received-summary")).contains("decoded as ISO-8859-1"), text(By.id("received-summary")));
    var items = receivedItems();
    assertEquals(3, items.size(), "the kit, its batteries as child line, the goggles: " + items);
    assertItem(items.get(0), "Cordless drill driver 18 V, kit in case", "1", "159.00", "EUR", "PCE");
    assertItem(items.get(1), "Li-ion battery pack 18 V 4.0 Ah", "2", "0", "EUR", "PCE");
    assertEquals("1", items.get(1).get("PARENT_ID"), "the batteries belong to the kit: " + items.get(1));
    assertEquals("", items.get(0).get("PARENT_ID"), "the kit is a top-level line: " + items.get(0));
    assertItem(items.get(2), "Schutzbrille mit Seitenschutz für Brille", "2", "9.90", "EUR", "PCE");
    assertEquals("KS-2290-ÜB", items.get(2).get("MANUFACTMAT"));
    assertTrue(items.get(2).get("LONGTEXT").contains("Überbrille nach EN 166") && items.get(2).get("LONGTEXT")
        .contains("Größe: universal"), items.get(2).get("LONGTEXT"));
    screenshotOfReceivedItems("oci5-iso-8859-1-roundtrip.png");
  }

  @Test
  void cancelledPunchoutReturnsNoItems(LocalRunner runner) {
    startPunchout(runner, "demo-oci3", "UTF-8");
    addToCart("LUB-MULTI-400", "1", 1);

    browser.findElement(By.id("cart-link")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("cancel-punchout"))).click();

    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("received-summary")));
    assertTrue(browser.findElement(By.id("no-items")).isDisplayed());
    assertTrue(browser.findElements(By.id("received-items")).isEmpty());
  }

  /** Fills the simulator's launch form and clicks start; the browser auto-posts to the gateway and lands in the shop. */
  @Test
  void cxmlCreateThroughTheShopArrivesAsAnOrderMessage(LocalRunner runner) throws IOException {
    browser.get(runner.baseUrl() + "/buyer/cxml/");
    new Select(browser.findElement(By.id("connection"))).selectByValue("demo-cxml");
    new Select(browser.findElement(By.id("operation"))).selectByValue("create");
    browser.findElement(By.id("start-punchout")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("catalog")));
    assertTrue(text(By.id("buyer")).contains("acme-buyers"), text(By.id("buyer")));
    addToCart("PPE-HELMET-WH", "2", 1);
    addToCart("SCR-4X40-TX", "300", 2);
    transferCart();

    assertTrue(text(By.id("received-summary")).contains("2 item(s) received from demo-cxml"), text(By.id("received-summary")));
    assertTrue(text(By.id("received-summary")).contains("cxml-base64"), text(By.id("received-summary")));
    assertEquals("edit", text(By.id("operation-allowed")), "a created cart may be edited later");
    var items = receivedItems();
    assertEquals(List.of("PPE-HELMET-WH", "SCR-4X40-TX"), items.stream().map(i -> i.get("SupplierPartID")).toList());
    assertEquals("2", items.get(0).get("quantity"));
    assertEquals("300", items.get(1).get("quantity"));
    assertEquals("100", items.get(1).get("PriceBasisQuantity"), "screws are priced per 100");
    screenshotOfReceivedItems("cxml-roundtrip.png");
  }

  @Test
  void peppolPostedLoginSendOrderArrivesAsAValidCatalogueInTheSimulatorsTable(LocalRunner runner) throws IOException {
    browser.get(runner.baseUrl() + "/buyer/peppol/");
    browser.findElement(By.id("post-login")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("catalog")));
    assertTrue(text(By.id("buyer")).contains("nordby-buyers"), text(By.id("buyer")));
    addToCart("DRL-18V-KIT", "1", 1);
    addToCart("SCR-4X40-TX", "300", 2);
    browser.findElement(By.id("cart-link")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cart")));
    assertEquals("Send order", text(By.id("transfer-cart")), "PEPPOL buyers know the transfer as Send order");
    browser.findElement(By.id("transfer-cart")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("received-items")));

    assertEquals("valid", text(By.id("validation-valid")), "the BIS 3 schematron finds no error");
    var lines = receivedItems();
    assertEquals(3, lines.size(), "the kit, its batteries (PartOf the kit), the screws: " + lines);
    assertEquals("DRL-18V-KIT", lines.get(1).get("PartOf"), lines.get(1).toString());
    assertEquals("S 25 %", lines.get(0).get("Tax"), "the connection's default VAT");
    assertEquals("100", lines.get(2).get("BaseQuantity"), "screws are priced per 100");
    assertEquals("300", lines.get(2).get("Quantity"));
    assertTrue(text(By.id("raw-xml")).contains("urn:fdc:peppol.eu:poacc:trns:punch_out:3"));
    screenshotOfReceivedItems("peppol-roundtrip.png");
  }

  @Test
  void peppolLoginLinkOpensTheShopAndCancelReturnsNoCartThenARevokedLinkIsGone(LocalRunner runner) {
    browser.get(runner.baseUrl() + "/buyer/peppol/");
    browser.findElement(By.id("create-link")).click();
    String link = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-link"))).getDomAttribute("href");
    browser.findElement(By.id("login-link")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("catalog")));
    addToCart("LUB-MULTI-400", "1", 1);
    browser.findElement(By.id("cart-link")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("cancel-punchout"))).click();
    assertTrue(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("no-cart"))).isDisplayed());

    browser.get(runner.baseUrl() + "/buyer/peppol/");
    browser.findElement(By.id("create-link")).click();
    String revoked = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-link"))).getDomAttribute("href");
    browser.findElement(By.id("revoke-link")).click();
    assertTrue(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("revoked"))).getText().contains("200"));
    browser.get(revoked);
    assertEquals("Login link no longer valid", browser.getTitle());
    assertTrue(!link.equals(revoked), "every link is new");
  }

  /** The buyer creates a cart over cXML, then reopens it with the simulator's Edit button, changes and returns it. */
  @Test
  void cxmlCartCreatedInTheShopCanBeEditedFromTheBuyerSimulator(LocalRunner runner) {
    browser.get(runner.baseUrl() + "/buyer/cxml/");
    new Select(browser.findElement(By.id("connection"))).selectByValue("demo-cxml");
    new Select(browser.findElement(By.id("operation"))).selectByValue("create");
    browser.findElement(By.id("start-punchout")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("catalog")));
    addToCart("TAPE-5M-MAG", "1", 1);
    addToCart("PPE-HELMET-WH", "2", 2);
    transferCart();
    assertEquals("edit", text(By.id("operation-allowed")));

    browser.findElement(By.id("edit-cart")).click(); // shown because the cart allows edit
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cart")));
    assertEquals("Cart (2)", text(By.id("cart-link")), "the edit session reopens the cart that was sent");
    browser.findElement(By.linkText("Catalog")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("catalog")));
    addToCart("SCR-4X40-TX", "100", 3);
    transferCart();

    assertTrue(text(By.id("received-summary")).contains("3 item(s) received from demo-cxml"), text(By.id("received-summary")));
    assertEquals("edit", text(By.id("operation-allowed")));
    assertEquals(List.of("PPE-HELMET-WH", "SCR-4X40-TX", "TAPE-5M-MAG"),
        receivedItems().stream().map(i -> i.get("SupplierPartID")).sorted().toList());
  }

  private static void startPunchout(LocalRunner runner, String connection, String charset) {
    browser.get(runner.baseUrl().resolve("/buyer/").toString());
    // choosing a connection fills USERNAME and PASSWORD from the option, as a person would see it happen
    new Select(browser.findElement(By.id("connection"))).selectByValue(connection);
    assertEquals(connection, browser.findElement(By.id("username")).getDomProperty("value"));
    new Select(browser.findElement(By.id("function"))).selectByValue("");
    new Select(browser.findElement(By.id("charset"))).selectByValue(charset);
    new Select(browser.findElement(By.id("returntarget"))).selectByValue("");
    browser.findElement(By.id("start-punchout")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("catalog")));
  }

  private static String priceInCatalog(String sku) {
    // columns: SKU, product, manufacturer, unit, your price, lead time, add to cart
    return product(sku).findElements(By.tagName("td")).get(4).getText();
  }

  /** Types the quantity into the product's row and clicks "Add to cart"; waits for the cart link to count it. */
  private static void addToCart(String sku, String quantity, int linesAfter) {
    WebElement row = product(sku);
    WebElement field = row.findElement(By.cssSelector("form.add-to-cart input[name=quantity]"));
    field.clear();
    field.sendKeys(quantity);
    row.findElement(By.cssSelector("form.add-to-cart button")).click();
    wait.until(ExpectedConditions.stalenessOf(row));
    wait.until(ExpectedConditions.textToBe(By.id("cart-link"), "Cart (" + linesAfter + ")"));
  }

  /** Opens the cart, clicks "Transfer cart", and waits for the gateway's page to post the cart to the hook. */
  private static void transferCart() {
    browser.findElement(By.id("cart-link")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cart")));
    browser.findElement(By.id("transfer-cart")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("received-items")));
  }

  private static WebElement product(String sku) {
    return browser.findElement(By.cssSelector("table#catalog tr.product[data-sku='" + sku + "']"));
  }

  /** The simulator's table of received items: one map of OCI field name to shown text per row. */
  private static List<Map<String, String>> receivedItems() {
    return browser.findElements(By.cssSelector("table#received-items tr.item")).stream().map(row -> {
      Map<String, String> fields = new LinkedHashMap<>();
      row.findElements(By.cssSelector("td[data-field]"))
          .forEach(cell -> fields.put(cell.getDomAttribute("data-field"), cell.getText()));
      return fields;
    }).toList();
  }

  private static void assertItem(Map<String, String> item, String description, String quantity, String price,
      String currency, String unit) {
    assertEquals(
        List.of(description, quantity, price, currency, unit),
        Stream.of("DESCRIPTION", "QUANTITY", "PRICE", "CURRENCY", "UNIT").map(item::get).toList(),
        "DESCRIPTION, QUANTITY, PRICE, CURRENCY, UNIT of " + item);
  }

  private static String text(By locator) {
    return browser.findElement(locator).getText();
  }

  /** Keeps a picture of the received items in target/browser for a person to look at. */
  private static void screenshotOfReceivedItems(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    WebElement table = browser.findElement(By.id("received-items"));
    // a window wide enough for every column: the picture shows the whole table, not its scrolled part
    long width = (Long) browser.executeScript("return arguments[0].scrollWidth;", table);
    browser.manage().window().setSize(new Dimension((int) width + 100, WINDOW.getHeight()));
    try {
      File shot = table.getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    } finally {
      browser.manage().window().setSize(WINDOW);
    }
  }
}
