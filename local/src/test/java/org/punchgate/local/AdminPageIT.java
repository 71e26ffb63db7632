package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.punchgate.adminui.AdminReply;
import org.punchgate.adminui.AdminTransport;
import org.punchgate.adminui.AdminUiServer;
import org.punchgate.json.Json;

/**
 * A supplier's staff at the connections admin page (punchgate-admin ui), in a headless Chromium, against the local
 * runner's admin API with its admin key: each test is one task they do there, and each checks what the buyer's
 * system then sees through the buyer simulator. Every step leaves a screenshot in target/browser, and the admin
 * page's console must stay free of errors (the browser's own notes of the refusals a step provokes on purpose
 * excepted). Skipped when chromium or chromedriver is absent.
 */
@ExtendWith(LocalRunnerExtension.class)
class AdminPageIT {

  private static final Path SCREENSHOTS = Path.of("target", "browser");
  private static final Duration PAGE_WAIT = Duration.ofSeconds(20);
  private static final Dimension WINDOW = new Dimension(1400, 1000);

  private static HeadlessChromium chromium;
  private static ChromeDriver browser;
  private static WebDriverWait wait;
  private static AdminUiServer page;
  private static AdminTransport api;
  private static String pageOrigin;
  /** Statuses the admin API answers on purpose in the running test; the browser notes them as console errors. */
  private List<Integer> provokedStatuses = List.of();

  /** The admin key transport, as punchgate-admin uses it against the local runner. */
  private record AdminKeyTransport(URI base, String key, HttpClient http) implements AdminTransport {
    @Override
    public AdminReply send(String method, String pathAndQuery, byte[] body) throws IOException {
      var request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
          .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
          .header("Authorization", "Bearer " + key);
      if (body.length > 0) {
        request.header("Content-Type", "application/json");
      }
      try {
        HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new AdminReply(r.statusCode(), r.headers().firstValue("content-type").orElse(null), r.body());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
  }

  @BeforeAll
  static void startPageAndBrowser(LocalRunner runner) throws IOException {
    api = new AdminKeyTransport(runner.baseUrl(), runner.adminKey(), HttpClient.newHttpClient());
    page = AdminUiServer.start(api, 0);
    pageOrigin = "http://127.0.0.1:" + page.port();
    // without chromium each test skips with the reason: a skip in @BeforeAll leaves no trace in the test report
    chromium = HeadlessChromium.start(WINDOW).orElse(null);
    if (chromium != null) {
      browser = chromium.driver();
      wait = new WebDriverWait(browser, PAGE_WAIT);
      browser.get(page.url().toString()); // the printed address, once: the session becomes a cookie
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#connections tbody tr")));
    }
  }

  @BeforeEach
  void needsBrowser() {
    assumeTrue(browser != null, HeadlessChromium.SKIP_REASON);
    browser.manage().logs().get(LogType.BROWSER); // drained: each test answers for its own console
  }

  @AfterEach
  void adminPageConsoleHasNoErrors() {
    if (browser == null) {
      return;
    }
    List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .filter(m -> m.startsWith(pageOrigin))
        .filter(m -> !provokedRefusal(m))
        .toList();
    assertEquals(List.of(), errors, "console errors of the admin page");
  }

  private boolean provokedRefusal(String message) {
    return message.contains("/api/admin/") && message.contains("Failed to load resource")
        && provokedStatuses.stream().anyMatch(s -> message.contains("status of " + s));
  }

  @AfterAll
  static void stop() throws IOException {
    if (chromium != null) {
      chromium.close();
    }
    if (page != null) {
      page.stop();
    }
  }

  /** Create an OCI 4.0 connection with its own mapping, log in with it, send a cart, then switch it off. */
  @Test
  void ociConnectionMadeOnThePageCarriesItsMappingToTheBuyerAndRefusesLoginsWhenSwitchedOff(LocalRunner runner)
      throws IOException {
    String id = "page-oci4-" + System.nanoTime();
    openList();
    browser.findElement(By.id("new-connection")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("edit-view")));
    type("f-id", id);
    type("f-name", "Initech - SAP SRM (made on the admin page)");
    new Select(browser.findElement(By.id("f-format"))).selectByValue("OCI_4_0");
    type("f-userGroup", "globex-buyers");
    type("f-shopStartUrl", runner.baseUrl().resolve("/shop/").toString());
    type("f-username", id);
    browser.findElement(By.id("f-generateSecret")).click(); // this supplier chooses the secret
    type("f-password", id + "-pass");
    type("f-allowedReturnOrigins", "http://localhost:*\nhttp://127.0.0.1:*");
    type("f-sessionLifetimeMinutes", "30");
    type("f-unitMap", "BX = KAR\nEA = ST");
    type("f-class-scheme", "UNSPSC");
    type("f-class-code", "31000000");
    mapTo("NEW_ITEM-VENDOR", "const", "100200");
    mapTo("NEW_ITEM-MATNR", "cart:manufacturerSku", null);
    mapTo("NEW_ITEM-CUST_FIELD1", "const", "PG-ADMIN");
    mapTo("NEW_ITEM-EXT_PRODUCT_ID", "none", null);

    // the preview is the demo line through this draft's mapping, rendered by the gateway's OCI renderer
    wait.until(ExpectedConditions.textToBe(previewOf("NEW_ITEM-VENDOR"), "100200"));
    wait.until(ExpectedConditions.textToBe(previewOf("NEW_ITEM-MATNR"), "KS-NIT-100-L"));
    assertEquals("KAR", text(previewOf("NEW_ITEM-UNIT")), "through the unit map");
    assertEquals("Disposable nitrile gloves, size L, box o", text(previewOf("NEW_ITEM-DESCRIPTION")), "OCI's 40");
    assertEquals("", text(previewOf("NEW_ITEM-EXT_PRODUCT_ID")));
    assertEquals("40", browser.findElement(By.cssSelector("#mapping-table tr[data-field='NEW_ITEM-MATNR'] td.number"))
        .getText(), "OCI 4.0's MATNR length");
    screenshot(browser.findElement(By.id("mapping")), "admin-mapping-editor.png");

    browser.findElement(By.id("save-connection")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-status"), "Created (version 1)"));
    assertEquals("Connection Initech - SAP SRM (made on the admin page)", text(By.id("edit-heading")));
    screenshot(null, "admin-created.png");

    var items = punchOutAndSendGloves(runner, id, id, id + "-pass");
    assertEquals(1, items.size(), items.toString());
    assertEquals("100200", items.get(0).get("VENDOR"), "the constant of the mapping: " + items.get(0));
    assertEquals("KS-NIT-100-L", items.get(0).get("MATNR"), "the manufacturer's number, as mapped");
    assertEquals("PG-ADMIN", items.get(0).get("CUST_FIELD1"));
    assertEquals("KAR", items.get(0).get("UNIT"));
    assertEquals(null, items.get(0).get("EXT_PRODUCT_ID"), "mapped to nothing: " + items.get(0));
    screenshot(browser.findElement(By.id("received-items")), "admin-mapped-cart-at-buyer.png");

    openList();
    WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#connections tr[data-id='" + id + "']")));
    List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    assertEquals(List.of("Initech - SAP SRM (made on the admin page)", id, "OCI 4.0", "globex-buyers", "yes"),
        cells.subList(0, 5));
    assertFalse(cells.get(5).equals("never"), "the login just made: " + cells);
    screenshot(null, "admin-list.png");

    edit(id);
    browser.findElement(By.id("f-active")).click();
    browser.findElement(By.id("save-connection")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-status"), "Saved (version 2)"));
    screenshot(null, "admin-switched-off.png");

    startOciPunchout(runner, id, id, id + "-pass");
    wait.until(ExpectedConditions.titleIs("Catalog access disabled"));
    screenshot(null, "admin-switched-off-login-refused.png");
  }

  /** What the admin API refuses shows next to the field it concerns, in the form and in the mapping editor. */
  @Test
  void refusalsOfTheAdminApiShowNextToTheirFields(LocalRunner runner) throws IOException {
    provokedStatuses = List.of(400);
    String id = createOciConnection(runner, "page-refusal-");
    edit(id);
    assertEquals("Connection <b>Markup</b> & co " + id, text(By.id("edit-heading")), "names are text, not markup");
    type("f-sessionLifetimeMinutes", "0");
    browser.findElement(By.id("save-connection")).click();
    WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("err-f-sessionLifetimeMinutes")));
    assertTrue(error.getText().contains("sessionLifetimeMinutes must be a whole number of minutes above 0"), error.getText());
    assertEquals("true", browser.findElement(By.id("f-sessionLifetimeMinutes")).getDomAttribute("aria-invalid"));
    assertEquals(browser.findElement(By.id("f-sessionLifetimeMinutes")), browser.switchTo().activeElement(),
        "the keyboard lands on the field to fix");
    screenshot(null, "admin-refusal-field.png");

    // neither a description nor a material number: the OCI renderer refuses the line, at DESCRIPTION's row
    type("f-sessionLifetimeMinutes", "30");
    mapTo("NEW_ITEM-DESCRIPTION", "none", null);
    mapTo("NEW_ITEM-MATNR", "none", null);
    By descriptionError = By.cssSelector("#mapping-table tr[data-field='NEW_ITEM-DESCRIPTION'] .error");
    wait.until(ExpectedConditions.visibilityOfElementLocated(descriptionError));
    assertTrue(text(descriptionError).contains("NEW_ITEM-DESCRIPTION"), text(descriptionError));
    screenshot(browser.findElement(By.id("mapping")), "admin-refusal-mapping.png");
  }

  /** Someone else saved the connection meanwhile: the page says so, keeps nothing, and reloads on request. */
  @Test
  void staleEditSaysTheConnectionChangedAndOffersAReload(LocalRunner runner) throws IOException {
    provokedStatuses = List.of(409);
    String id = createOciConnection(runner, "page-stale-");
    edit(id);
    type("f-name", "My change");

    ObjectNode current = (ObjectNode) call("GET", "/admin/connections/" + id, null);
    current.put("name", "Their change");
    JsonNode theirs = call("PUT", "/admin/connections/" + id, current);
    assertEquals(2, theirs.get("version").asInt(), theirs.toString());

    browser.findElement(By.id("save-connection")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("conflict")));
    assertEquals("2", text(By.id("conflict-version")));
    assertEquals(browser.findElement(By.id("reload-connection")), browser.switchTo().activeElement());
    screenshot(null, "admin-conflict.png");
    browser.findElement(By.id("reload-connection")).click();
    wait.until(ExpectedConditions.attributeToBe(By.id("f-name"), "value", "Their change"));
    assertFalse(browser.findElement(By.id("conflict")).isDisplayed());
  }

  /** A PEPPOL login link: generated and shown once, listed, opens the shop, revoked, then refused. */
  @Test
  void peppolLoginLinkIsGeneratedListedAndRevoked(LocalRunner runner) throws IOException {
    edit("demo-peppol");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("links-section")));
    type("l-returnUrl", runner.baseUrl().resolve("/buyer/peppol/return").toString());
    type("l-buyerReference", "admin-page");
    browser.findElement(By.id("create-link-button")).click();
    String link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-link"))).getText();
    assertTrue(link.startsWith(runner.baseUrl().toString()), link);
    String linkId = link.substring(link.lastIndexOf('/') + 1);
    WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#links tr[data-link-id]")));
    screenshot(browser.findElement(By.id("links-section")), "admin-link-created.png");
    List<String> listed = browser.findElements(By.cssSelector("#links tr[data-link-id]")).stream()
        .map(r -> r.getDomAttribute("data-link-id")).toList();
    assertTrue(!listed.isEmpty() && row.isDisplayed(), listed.toString());
    assertFalse(text(By.id("links")).contains(link), "the link itself is shown once, not in the list");

    String newest = browser.findElements(By.cssSelector("#links tr[data-link-id]")).stream()
        .filter(r -> text(r, "td.status").equals("ACTIVE") && text(r, "td:nth-child(3)").equals("admin-page"))
        .map(r -> r.getDomAttribute("data-link-id")).reduce((a, b) -> b).orElseThrow();
    browser.findElement(By.cssSelector("#links tr[data-link-id='" + newest + "'] button.revoke-link")).click();
    wait.until(ExpectedConditions.textToBe(By.cssSelector("#links tr[data-link-id='" + newest + "'] td.status"), "REVOKED"));
    screenshot(browser.findElement(By.id("links-section")), "admin-link-revoked.png");

    browser.get(link);
    assertEquals("Login link no longer valid", browser.getTitle(), "link " + linkId + " after revocation");
    screenshot(null, "admin-link-refused.png");
  }

  /** A second user of the connection's user group logs in with its own secret; a rotation shows its overlap. */
  @Test
  void secondUserAddedOnThePageLogsInToTheSameUserGroup(LocalRunner runner) throws IOException {
    String id = createOciConnection(runner, "page-users-");
    String second = id + "-anna";
    edit(id);
    type("u-username", second);
    type("u-secret", "anna-secret-2026");
    browser.findElement(By.id("add-user-button")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#users tr[data-username='" + second + "']")));
    screenshot(browser.findElement(By.id("users-section")), "admin-user-added.png");

    startOciPunchout(runner, id, second, "anna-secret-2026");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("catalog")));
    assertTrue(text(By.id("buyer")).contains("globex-buyers"), text(By.id("buyer")));
    screenshot(null, "admin-second-user-in-shop.png");

    edit(id);
    type("s-overlap", "90");
    browser.findElement(By.cssSelector("#users tr[data-username='" + second + "'] button.rotate-user")).click();
    WebElement secret = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user-result-secret")));
    assertTrue(secret.getText().length() >= 22, "at least 128 random bits: " + secret.getText().length());
    assertTrue(text(By.cssSelector("#user-result .overlap")).startsWith("The old secret keeps working until"),
        text(By.cssSelector("#user-result .overlap")));
    screenshot(browser.findElement(By.id("users-section")), "admin-user-rotated.png");

    // the connection's own secret, generated anew with no overlap: the old one stops at once
    type("s-overlap", "0");
    browser.findElement(By.id("generate-secret")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("secret-result-secret")));
    assertEquals("No old secret works any more.", text(By.cssSelector("#secret-result .overlap")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("secret-state"), "A generated secret is set."));
    screenshot(browser.findElement(By.id("secret-section")), "admin-secret-generated.png");
    startOciPunchout(runner, id, id, id + "-pass");
    wait.until(ExpectedConditions.titleIs("Login failed"));
  }

  /** Every input is labelled, and the Tab key alone walks the form in the seed's order into the mapping. */
  @Test
  void everyInputHasALabelAndTheKeyboardWalksTheFormInTheSeedsOrder() throws IOException {
    edit("demo-oci4");
    @SuppressWarnings("unchecked")
    List<String> unlabelled = (List<String>) browser.executeScript("""
        return Array.from(document.querySelectorAll('input, select, textarea'))
          .filter(e => e.labels.length === 0 && !e.getAttribute('aria-label')).map(e => e.id || e.outerHTML);""");
    assertEquals(List.of(), unlabelled, "inputs without a label");

    openList();
    browser.findElement(By.id("new-connection")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mapping-table")));
    browser.findElement(By.id("f-id")).click();
    List<String> order = new ArrayList<>(List.of("f-id"));
    for (int i = 0; i < 17; i++) {
      browser.switchTo().activeElement().sendKeys(Keys.TAB);
      order.add(browser.switchTo().activeElement().getDomAttribute("id"));
    }
    assertEquals(List.of("f-id", "f-name", "f-active", "f-format", "f-userGroup", "f-shopStartUrl", "f-username",
        "f-generateSecret", "f-login-username", "f-login-password", "f-login-hookUrl", "f-allowedReturnOrigins",
        "f-sessionLifetimeMinutes", "f-unitMap", "f-class-scheme", "f-class-code", "m-0", "m-1"), order,
        "the password field is skipped while a secret is generated; the mapping comes after the settings");
    screenshot(null, "admin-keyboard.png");
  }

  /** Saving a cXML and a PEPPOL connection unchanged keeps every member the page does not show. */
  @Test
  void cxmlAndPeppolConnectionsSavedUnchangedKeepTheirDocuments(LocalRunner runner) throws IOException {
    for (String format : List.of("CXML", "PEPPOL_PUNCHOUT")) {
      String id = "page-" + format.toLowerCase(Locale.ROOT).replace('_', '-') + "-" + System.nanoTime();
      ObjectNode doc = Json.object();
      doc.put("id", id);
      doc.put("format", format);
      doc.put("userGroup", "acme-buyers");
      doc.put("shopStartUrl", runner.baseUrl().resolve("/shop/").toString());
      doc.putArray("allowedReturnOrigins").add("http://localhost:*");
      doc.putObject("unitMap").put("EA", "C62");
      doc.putObject("fieldMapping").put(format.equals("CXML") ? "Extrinsic.CostCenter" : "Item/BuyersItemIdentification",
          format.equals("CXML") ? "const:4711" : "cart:buyerSku");
      if (format.equals("CXML")) {
        ObjectNode cxml = doc.putObject("cxml");
        cxml.putArray("from").addObject().put("domain", "NetworkID").put("identity", id);
        cxml.putArray("sender").addObject().put("domain", "NetworkID").put("identity", id);
        cxml.putObject("to").put("domain", "DUNS").put("identity", "123456789");
        cxml.put("returnEncoding", "cxml-urlencoded");
        cxml.putArray("extrinsicsToShop").add("CostCenter");
        cxml.put("sharedSecret", "s3cret-" + id);
      } else {
        doc.put("username", id);
        doc.put("password", id + "-pass");
        ObjectNode peppol = doc.putObject("peppol");
        peppol.put("completeCart", true);
        peppol.putObject("defaultTax").put("category", "S").put("rate", 25);
        peppol.putObject("provider").put("endpointScheme", "0007").put("endpointId", "5567321707").put("name", "Us");
      }
      call("POST", "/admin/connections", doc);
      JsonNode before = call("GET", "/admin/connections/" + id, null);

      edit(id);
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(format.equals("CXML") ? "cxml-settings" : "peppol-settings")));
      browser.findElement(By.id("save-connection")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-status"), "Saved (version 2)"));
      screenshot(null, "admin-saved-unchanged-" + format.toLowerCase(Locale.ROOT) + ".png");

      ObjectNode after = (ObjectNode) call("GET", "/admin/connections/" + id, null);
      assertEquals(2, after.get("version").asInt());
      after.put("version", before.get("version").asInt());
      assertEquals(before, after, "the document after a save without changes");
    }
  }

  /** A cXML extrinsic added in the editor and an OCI field taken from a cart attribute show in the preview. */
  @Test
  void extrinsicsAndCartAttributesAreMappedInTheEditor() throws IOException {
    openList();
    browser.findElement(By.id("new-connection")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mapping-table")));
    mapTo("NEW_ITEM-CUST_FIELD2", "attr", "color");
    wait.until(ExpectedConditions.textToBe(previewOf("NEW_ITEM-CUST_FIELD2"), "blue"));

    new Select(browser.findElement(By.id("f-format"))).selectByValue("CXML");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("add-extrinsic")));
    type("x-name", "CostCenter");
    browser.switchTo().activeElement().sendKeys(Keys.ENTER);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#mapping-table tr[data-field='Extrinsic.CostCenter']")));
    assertTrue(browser.findElement(By.id("edit-view")).isDisplayed(), "Enter added the extrinsic, it did not save");
    mapTo("Extrinsic.CostCenter", "const", "4711");
    wait.until(ExpectedConditions.textToBe(previewOf("Extrinsic.CostCenter"), "4711"));
    assertEquals("PPE-NITRILE-L", text(previewOf("SupplierPartID")));
    screenshot(browser.findElement(By.id("mapping")), "admin-cxml-extrinsic.png");
  }

  // ---- the admin page ------------------------------------------------------------------------------------------

  private static void openList() {
    browser.get(pageOrigin + "/");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list-status"), "connection"));
  }

  private static void edit(String id) {
    openList();
    browser.findElement(By.cssSelector("#connections tr[data-id='" + id + "'] button.edit-connection")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("edit-view")));
    wait.until(ExpectedConditions.attributeToBe(By.id("f-id"), "value", id));
  }

  private static void type(String id, String text) {
    WebElement input = browser.findElement(By.id(id));
    input.clear();
    input.sendKeys(text);
  }

  /** Chooses a row's source ("none", "cart:field", "const") and, for a constant, types it. */
  private static void mapTo(String target, String source, String constant) {
    WebElement row = browser.findElement(By.cssSelector("#mapping-table tr[data-field='" + target + "']"));
    new Select(row.findElement(By.cssSelector("select.mapping-source"))).selectByValue(source);
    if (constant != null) {
      WebElement input = row.findElement(By.cssSelector("input.mapping-constant"));
      input.clear();
      input.sendKeys(constant);
    }
  }

  private static By previewOf(String target) {
    return By.cssSelector("#mapping-table tr[data-field='" + target + "'] td.preview");
  }

  private static String text(By locator) {
    return browser.findElement(locator).getText();
  }

  private static String text(WebElement within, String css) {
    return within.findElement(By.cssSelector(css)).getText();
  }

  /** A page of the admin page (or one element of it) in target/browser; the whole page when {@code element} is null. */
  private static void screenshot(WebElement element, String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    if (element == null) {
      Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name),
          StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    // a window tall enough for the whole element: the picture shows all of it, not its scrolled part
    browser.executeScript("arguments[0].scrollIntoView();", element);
    long height = (Long) browser.executeScript("return Math.ceil(arguments[0].getBoundingClientRect().height);", element);
    browser.manage().window().setSize(new Dimension(WINDOW.getWidth(), (int) Math.max(WINDOW.getHeight(), height + 200)));
    try {
      File shot = element.getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    } finally {
      browser.manage().window().setSize(WINDOW);
    }
  }

  // ---- the admin API directly (what "someone else" does) and the buyer's side ----------------------------------

  private static JsonNode call(String method, String path, JsonNode body) throws IOException {
    AdminReply reply = api.send(method, path, body == null ? new byte[0] : Json.write(body).getBytes(StandardCharsets.UTF_8));
    String text = new String(reply.body(), StandardCharsets.UTF_8);
    assertTrue(reply.status() / 100 == 2, method + " " + path + ": " + reply.status() + " " + text);
    return Json.parse(text);
  }

  /** An active OCI 4.0 connection of globex-buyers made through the API, whose user's secret is its id + "-pass". */
  private static String createOciConnection(LocalRunner runner, String prefix) throws IOException {
    String id = prefix + System.nanoTime();
    ObjectNode doc = Json.object();
    doc.put("id", id);
    doc.put("name", "<b>Markup</b> & co " + id); // shown as text, never as markup
    doc.put("format", "OCI_4_0");
    doc.put("userGroup", "globex-buyers");
    doc.put("username", id);
    doc.put("password", id + "-pass");
    doc.putArray("allowedReturnOrigins").add("http://localhost:*").add("http://127.0.0.1:*");
    doc.put("shopStartUrl", runner.baseUrl().resolve("/shop/").toString());
    call("POST", "/admin/connections", doc);
    return id;
  }

  /** The buyer simulator's OCI call-up of a connection with the given login, as SAP SRM would send it. */
  private static void startOciPunchout(LocalRunner runner, String connectionId, String username, String password) {
    browser.get(runner.baseUrl().resolve("/buyer/").toString());
    browser.findElement(By.id("other-connection")).sendKeys(connectionId); // made after the simulator started
    WebElement user = browser.findElement(By.id("username"));
    user.clear();
    user.sendKeys(username);
    WebElement secret = browser.findElement(By.id("password"));
    secret.clear();
    secret.sendKeys(password);
    browser.findElement(By.id("start-punchout")).click();
  }

  /** Logs in, puts three boxes of gloves in the cart, transfers it; the items the simulator received. */
  private static List<Map<String, String>> punchOutAndSendGloves(LocalRunner runner, String connectionId,
      String username, String password) {
    startOciPunchout(runner, connectionId, username, password);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("catalog")));
    WebElement row = browser.findElement(By.cssSelector("table#catalog tr.product[data-sku='PPE-NITRILE-L']"));
    WebElement quantity = row.findElement(By.cssSelector("form.add-to-cart input[name=quantity]"));
    quantity.clear();
    quantity.sendKeys("3");
    row.findElement(By.cssSelector("form.add-to-cart button")).click();
    wait.until(ExpectedConditions.textToBe(By.id("cart-link"), "Cart (1)"));
    browser.findElement(By.id("cart-link")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cart")));
    browser.findElement(By.id("transfer-cart")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("received-items")));
    return browser.findElements(By.cssSelector("table#received-items tr.item")).stream().map(r -> {
      Map<String, String> fields = new LinkedHashMap<>();
      r.findElements(By.cssSelector("td[data-field]")).forEach(cell -> {
        if (!cell.getText().isEmpty()) {
          fields.put(cell.getDomAttribute("data-field"), cell.getText());
        }
      });
      return fields;
    }).toList();
  }
}
