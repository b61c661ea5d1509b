package io.vigil.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium driven by Playwright, signing in through the real Keycloak login page.
 * Screenshots go to {@code target/screenshots}.
 */
public final class ConsoleBrowser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target/screenshots");

    private final Playwright playwright;
    private final Browser browser;
    private final Map<BrowserContext, List<String>> violations = new ConcurrentHashMap<>();

    private ConsoleBrowser(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static ConsoleBrowser launch() {
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
        return new ConsoleBrowser(playwright, browser);
    }

    /**
     * A new browser context whose pages report every Content-Security-Policy violation, across
     * navigations, to {@link #cspViolations(BrowserContext)}.
     */
    public BrowserContext context(int width, int height) {
        return context(new Browser.NewContextOptions().setViewportSize(width, height));
    }

    /** As {@link #context(int, int)}, in a browser whose time zone is {@code zone} (an IANA name). */
    public BrowserContext context(int width, int height, String zone) {
        return context(new Browser.NewContextOptions().setViewportSize(width, height).setTimezoneId(zone));
    }

    private BrowserContext context(Browser.NewContextOptions options) {
        BrowserContext context = browser.newContext(options);
        List<String> seen = new CopyOnWriteArrayList<>();
        context.exposeFunction("vigilCspViolation", args -> {
            seen.add(String.valueOf(args[0]));
            return null;
        });
        context.addInitScript("document.addEventListener('securitypolicyviolation', e => window.vigilCspViolation("
                + "e.effectiveDirective + ' refused ' + e.blockedURI + ' in ' + e.documentURI + ' at ' + e.sourceFile"
                + " + ':' + e.lineNumber + ' ' + (e.sample || '')));");
        violations.put(context, seen);
        return context;
    }

    /** The Content-Security-Policy violations seen so far in the context's pages. */
    public List<String> cspViolations(BrowserContext context) {
        return List.copyOf(violations.getOrDefault(context, List.of()));
    }

    /** Opens the console, signs in on Keycloak's page as a demo user, and returns on the home page. */
    public static Page signIn(BrowserContext context, String console, String user) {
        Page page = context.newPage();
        page.navigate(console);
        page.locator("#username").fill(user);
        page.locator("#password").fill(user + "-demo");
        page.locator("#kc-login").click();
        page.waitForURL(console);
        return page;
    }

    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
    }

    /** axe-core's serious and critical WCAG 2 A/AA findings on the page as it is now. */
    public static List<String> seriousAccessibilityProblems(Page page) {
        return new com.deque.html.axecore.playwright.AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa")).analyze()
                .getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + ": " + v.getHelp() + " " + v.getNodes().stream().map(n -> n.getHtml()).toList())
                .toList();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
