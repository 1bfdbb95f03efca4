package uk.gov.placements.tasklist;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages (chromium, chromium-driver; .ci/run installs them),
 * driven by Selenium with the system driver so nothing is downloaded. One browser per user.
 */
public class Browser implements AutoCloseable {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String baseUrl;

    Browser(String baseUrl) {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1366,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        this.baseUrl = baseUrl;
    }

    Browser login(String user) {
        driver.get(baseUrl + "/camunda/app/tasklist/");
        visible(By.cssSelector("form[name=signinForm] input[ng-model=username]")).sendKeys(user);
        driver.findElement(By.cssSelector("form[name=signinForm] input[ng-model=password]")).sendKeys("demo");
        driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
        try {
            visible(By.xpath("//a[contains(normalize-space(.),'Start process')]"));
        } catch (RuntimeException e) {
            screenshotQuietly("login-failed-" + user);
            throw e;
        }
        return this;
    }

    public WebElement visible(By by) {
        try {
            return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
        } catch (RuntimeException e) {
            screenshotQuietly("not-visible-" + System.currentTimeMillis());
            throw e;
        }
    }

    void click(By by) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
        // at 1,366 px wide the Tasklist's footer can sit over a form's Complete button until it is scrolled into view
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** Clicks the link or button showing the text (the innermost one, where Angular's handler sits). */
    void clickText(String text) {
        click(By.xpath("(//a|//button)[contains(normalize-space(.),\"" + text + "\")][not(.//a) and not(.//button)]"));
    }

    /** A Camunda Form field by its component id (form-js prefixes a random form id). */
    WebElement field(String componentId) {
        try {
            WebElement element = visible(By.cssSelector("[id$='-" + componentId + "']"));
            driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
            return element;
        } catch (RuntimeException e) {
            screenshotQuietly("missing-" + componentId);
            throw e;
        }
    }

    void openFilter(String name) {
        click(By.xpath("//a[contains(@class,'filter') or ancestor::*[contains(@class,'filters')]][contains(normalize-space(.),\"" + name + "\")]"));
    }

    void openTask(String nameStart) {
        try {
            click(By.xpath("//a[contains(normalize-space(.),\"" + nameStart + "\")]"));
            visible(By.xpath("//h2[contains(normalize-space(.),\"" + nameStart + "\")] | //*[contains(@class,'names')]//*[contains(normalize-space(.),\"" + nameStart + "\")]"));
        } catch (RuntimeException e) {
            screenshotQuietly("open-task-failed");
            try {
                Files.writeString(Path.of("target", "screenshots", "open-task-failed.html"), driver.getPageSource());
            } catch (Exception ignored) {
                // diagnostics only
            }
            throw e;
        }
    }

    /** Opens a page of the product in this browser, in the session it signed in with. */
    void open(String path) {
        driver.get(baseUrl + path);
    }

    /** Follows a link that opens in a new tab, and stays in that tab. */
    void followToNewTab(By link) {
        java.util.Set<String> before = driver.getWindowHandles();
        click(link);
        wait.until(d -> d.getWindowHandles().size() > before.size());
        String opened = driver.getWindowHandles().stream().filter(h -> !before.contains(h)).findFirst().orElseThrow();
        driver.switchTo().window(opened);
    }

    /** What a person reads must never carry the engine's own words. */
    void assertNoEngineText() {
        String text = pageText();
        if (text.contains("ENGINE-") || text.contains("Exception") || text.contains("org.camunda")) {
            screenshotQuietly("engine-text");
            throw new AssertionError("Engine text on the page: " + text);
        }
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Waits until nothing the locator finds is visible any more (an element replaced once an action took effect). */
    void gone(By by) {
        try {
            wait.until(ExpectedConditions.invisibilityOfElementLocated(by));
        } catch (RuntimeException e) {
            screenshotQuietly("still-visible-" + System.currentTimeMillis());
            throw e;
        }
    }

    public void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    void screenshotQuietly(String name) {
        try {
            screenshot(name);
        } catch (Exception ignored) {
            // the original failure matters more than the picture
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
