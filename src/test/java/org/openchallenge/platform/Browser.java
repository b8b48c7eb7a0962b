package org.openchallenge.platform;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium (the Debian packages chromium and chromium-driver) driving the Camunda webapps the way a
 * user does. Form fields are found by their visible label, so a test reads like the walk-through in the README.
 *
 * <p>Where Chromium is not installed the browser tests are skipped, unless {@code OPENCHALLENGE_BROWSER_TESTS=required}
 * (set by .ci/run, which installs it): then its absence fails them.
 */
public final class Browser implements AutoCloseable {

  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final ChromeDriver driver;
  private final WebDriverWait wait;
  private final String baseUrl;
  private final Path profile;

  private Browser(String baseUrl) throws IOException {
    this.baseUrl = baseUrl;
    this.profile = Files.createTempDirectory("open-challenge-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1400,2400", "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build(), options);
    wait = new WebDriverWait(driver, PATIENCE);
  }

  /** Opens a browser on the application, or skips the calling test where no Chromium is installed. */
  public static Browser open(String baseUrl) throws IOException {
    boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
    if (!installed && "required".equals(System.getenv("OPENCHALLENGE_BROWSER_TESTS"))) {
      throw new IllegalStateException("Browser tests are required but /usr/bin/chromium or /usr/bin/chromedriver "
          + "is missing (apt-get install chromium chromium-driver)");
    }
    Assumptions.assumeTrue(installed, "Chromium is not installed; browser tests skipped");
    return new Browser(baseUrl);
  }

  // ------------------------------------------------------------------ webapps

  /** Logs in to a webapp ({@code tasklist}, {@code cockpit}) as this user, logging out whoever was logged in. */
  public void login(String app, String user) {
    driver.manage().deleteAllCookies();
    driver.get(baseUrl + "/camunda/app/" + app + "/default/");
    WebElement name = visible(By.cssSelector("input[ng-model='username']"));
    name.sendKeys(user);
    driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    driver.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
  }

  public void go(String path) {
    driver.get(baseUrl + path);
  }

  /** Opens a task in Tasklist by its direct link, claims it if it is unassigned, and waits for its form. */
  public WebElement openTask(String taskId) {
    driver.get(baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId);
    WebElement form = visible(By.cssSelector(".task-details .fjs-form"));
    List<WebElement> claim = driver.findElements(By.cssSelector("button.claim"));
    if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
      claim.get(0).click();
      wait.until(d -> d.findElements(By.cssSelector(".disabled-form")).isEmpty());
      form = visible(By.cssSelector(".task-details .fjs-form"));
    }
    return form;
  }

  /** Tasklist's Complete button of the open task. */
  public void complete() {
    By button = By.cssSelector("button[ng-click='complete()']");
    // Long forms put the button under Tasklist's footer: bring it to the middle of the view first.
    centred(visible(button));
    try {
      click(button);
    } catch (org.openqa.selenium.ElementClickInterceptedException e) {
      // An earlier refusal's notification still covers the end of a long form: click the button itself.
      script("arguments[0].click();", wait.until(ExpectedConditions.elementToBeClickable(button)));
    }
  }

  /** The text of the error notification Tasklist or Cockpit shows, once one appears. */
  public String errorNotification() {
    return visible(By.cssSelector(".notifications .alert-danger, .notifications .alert-error")).getText();
  }

  // ------------------------------------------------------------------ Camunda Forms (form-js) by label

  /** The form field (its {@code .fjs-form-field} element) whose label is this text, inside {@code scope}. */
  public WebElement field(SearchContext scope, String label) {
    By byLabel = By.xpath(".//div[contains(concat(' ', @class, ' '), ' fjs-form-field ')]"
        + "[./label[normalize-space(text()[1])=" + xpathLiteral(label) + "]]");
    wait.until(d -> !scope.findElements(byLabel).isEmpty());
    return scope.findElement(byLabel);
  }

  public void type(SearchContext scope, String label, Object text) {
    String wanted = String.valueOf(text);
    // form-js re-renders a dynamic list when a field's change is committed; a re-render that lands while the next
    // field is being typed resets that field. Type, leave the field, and type again until the value stays.
    for (int attempt = 1; ; attempt++) {
      WebElement input = centred(field(scope, label).findElement(By.cssSelector("input.fjs-input, textarea")));
      if (!input.getDomProperty("value").isEmpty()) {
        input.clear();
      }
      input.sendKeys(wanted);
      script("arguments[0].blur();", input);
      try {
        new WebDriverWait(driver, java.time.Duration.ofMillis(1500)).until(d -> settled(scope, label, wanted));
        return;
      } catch (org.openqa.selenium.TimeoutException e) {
        if (attempt == 3) {
          throw new AssertionError("Field " + label + " does not keep the value " + wanted + " (shows "
              + value(scope, label) + ")", e);
        }
      }
    }
  }

  /** Whether a field shows the value and keeps it for a moment (a pending re-render would reset it). */
  private boolean settled(SearchContext scope, String label, String wanted) {
    if (!wanted.equals(value(scope, label))) {
      return false;
    }
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return wanted.equals(value(scope, label));
  }

  /** The value a text, number or text-area field shows. */
  public String value(SearchContext scope, String label) {
    return field(scope, label).findElement(By.cssSelector("input.fjs-input, textarea")).getDomProperty("value");
  }

  public boolean shown(SearchContext scope, String label) {
    By byLabel = By.xpath(".//label[contains(@class,'fjs-form-field-label')][normalize-space(text()[1])="
        + xpathLiteral(label) + "]");
    return scope.findElements(byLabel).stream().anyMatch(WebElement::isDisplayed);
  }

  /** Picks a radio option by its label. */
  public void choose(SearchContext scope, String label, String option) {
    centred(field(scope, label)).findElement(By.xpath(".//label[normalize-space(.)=" + xpathLiteral(option) + "]")).click();
  }

  /** Picks an option of a select field from its drop-down list. */
  public void select(SearchContext scope, String label, String option) {
    pick(openDropDown(field(scope, label)), option);
  }

  /** The options a select field offers (they come from the task's variables where the form has a valuesKey). */
  public List<String> selectOptions(SearchContext scope, String label) {
    return openDropDown(field(scope, label)).findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
        .map(WebElement::getText).toList();
  }

  private WebElement openDropDown(WebElement field) {
    if (field.findElements(By.cssSelector(".fjs-dropdownlist")).isEmpty()) {
      centred(field);
      field.findElement(By.cssSelector(".fjs-select-display")).click();
      wait.until(d -> !field.findElements(By.cssSelector(".fjs-dropdownlist-item")).isEmpty());
    }
    return field;
  }

  /** Adds a tag to a tag list by typing part of it and picking the suggestion. */
  public void tag(SearchContext scope, String label, String search, String option) {
    WebElement field = field(scope, label);
    WebElement input = centred(field.findElement(By.cssSelector(".fjs-taglist-input")));
    input.click();
    input.sendKeys(search);
    pick(field, option);
    // Close the suggestions, which would otherwise swallow the next click.
    field.findElement(By.cssSelector(".fjs-taglist-input")).sendKeys(Keys.ESCAPE);
  }

  public List<String> tags(SearchContext scope, String label) {
    return field(scope, label).findElements(By.cssSelector(".fjs-taglist-tag")).stream()
        .map(t -> t.getText().trim()).toList();
  }

  /**
   * The rows of a dynamic list, each a scope for {@link #field}. Lists that let users add and remove rows wrap each
   * row in an element; lists without those buttons render the rows' fields one after another, so a row starts at each
   * repetition of the first field.
   */
  public List<SearchContext> rows(SearchContext scope, String label) {
    WebElement list = field(scope, label);
    List<WebElement> wrapped = list.findElements(By.cssSelector(".fjs-repeat-row-rows"));
    if (!wrapped.isEmpty()) {
      return new ArrayList<>(wrapped);
    }
    List<WebElement> parts = list.findElements(
        By.xpath("./div[contains(@class,'fjs-children')]/div[contains(@class,'fjs-layout-row')]"));
    List<SearchContext> rows = new ArrayList<>();
    if (parts.isEmpty()) {
      return rows;
    }
    String firstLabel = labelOf(parts.get(0));
    List<WebElement> current = new ArrayList<>();
    for (WebElement part : parts) {
      if (!current.isEmpty() && firstLabel.equals(labelOf(part))) {
        rows.add(new Row(current));
        current = new ArrayList<>();
      }
      current.add(part);
    }
    rows.add(new Row(current));
    return rows;
  }

  /** The row of a dynamic list whose field {@code label} shows {@code value}. */
  public SearchContext row(SearchContext scope, String listLabel, String label, String value) {
    return rows(scope, listLabel).stream().filter(r -> value.equals(value(r, label))).findFirst()
        .orElseThrow(() -> new AssertionError("No row of " + listLabel + " with " + label + " = " + value));
  }

  public SearchContext addRow(SearchContext scope, String label) {
    int before = rows(scope, label).size();
    WebElement add = field(scope, label).findElement(By.cssSelector("button.fjs-repeat-render-add"));
    centred(add).click();
    wait.until(d -> rows(scope, label).size() == before + 1);
    return rows(scope, label).get(before);
  }

  private static String labelOf(WebElement layoutRow) {
    List<WebElement> labels = layoutRow.findElements(By.cssSelector("label.fjs-form-field-label"));
    return labels.isEmpty() ? "" : labels.get(0).getText();
  }

  /** The elements of one row of a dynamic list that does not wrap its rows. */
  private record Row(List<WebElement> parts) implements SearchContext {

    @Override
    public List<WebElement> findElements(By by) {
      return parts.stream().flatMap(p -> p.findElements(by).stream()).toList();
    }

    @Override
    public WebElement findElement(By by) {
      return findElements(by).stream().findFirst().orElseThrow(() -> new NoSuchElementException("In row: " + by));
    }
  }

  /**
   * Types a date into a date field, as a user types it into form-js's date picker (month/day/year), and closes the
   * calendar. Date fields carry their label inside the picker, not as the field's first label.
   */
  public void date(SearchContext scope, String label, java.time.LocalDate date) {
    By byLabel = By.xpath(".//div[contains(concat(' ', @class, ' '), ' fjs-form-field-datetime ')]"
        + "[.//label[normalize-space(text()[1])=" + xpathLiteral(label) + "]]");
    String shown = date.getMonthValue() + "/" + date.getDayOfMonth() + "/" + date.getYear();
    // As with typing (see type): a re-render of the form may reset the field, so type until the picker keeps it.
    for (int attempt = 1; ; attempt++) {
      wait.until(d -> !scope.findElements(byLabel).isEmpty());
      WebElement input = scope.findElement(byLabel).findElement(By.cssSelector("input.fjs-input"));
      centred(input).click();
      if (!input.getDomProperty("value").isEmpty()) {
        input.clear();
      }
      input.sendKeys(date.format(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy")));
      input.sendKeys(Keys.ENTER);
      input.sendKeys(Keys.ESCAPE);
      try {
        new WebDriverWait(driver, Duration.ofMillis(1500)).until(d -> shown.equals(
            scope.findElement(byLabel).findElement(By.cssSelector("input.fjs-input")).getDomProperty("value")));
        return;
      } catch (org.openqa.selenium.TimeoutException e) {
        if (attempt == 3) {
          throw new AssertionError("Date field " + label + " does not keep " + shown, e);
        }
      }
    }
  }

  private void pick(WebElement field, String option) {
    By item = By.xpath(".//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)=" + xpathLiteral(option)
        + "]");
    wait.until(d -> !field.findElements(item).isEmpty());
    field.findElement(item).click();
  }

  // ------------------------------------------------------------------ generic

  public WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public void click(By by) {
    wait.ignoring(StaleElementReferenceException.class).until(ExpectedConditions.elementToBeClickable(by)).click();
  }

  public void waitFor(String what, java.util.function.BooleanSupplier condition) {
    waitFor(what, PATIENCE, condition);
  }

  /** As {@link #waitFor(String, java.util.function.BooleanSupplier)}, for a step known to be slow on a busy machine. */
  public void waitFor(String what, Duration patience, java.util.function.BooleanSupplier condition) {
    new WebDriverWait(driver, patience).withMessage(what).until(d -> condition.getAsBoolean());
  }

  public String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** Scrolls an element to the middle of the view, away from Tasklist's footer and notifications panel. */
  public WebElement centred(WebElement element) {
    script("arguments[0].scrollIntoView({block: 'center'});", element);
    return element;
  }

  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** Saves a screenshot next to the surefire reports, for a failing test to be understood. */
  public void screenshot(String name) {
    try {
      Path dir = Path.of("target", "browser-screenshots");
      Files.createDirectories(dir);
      Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      Files.writeString(dir.resolve(name + ".html"), driver.getPageSource());
      Files.write(dir.resolve(name + ".console.txt"), driver.manage().logs().get(LogType.BROWSER).getAll().stream()
          .map(Object::toString).toList());
    } catch (IOException | RuntimeException e) {
      // A missing screenshot must not hide the failure it was meant to explain.
    }
  }

  private static String xpathLiteral(String text) {
    return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      } catch (IOException e) {
        // A leftover temporary profile is harmless.
      }
    }
  }
}
