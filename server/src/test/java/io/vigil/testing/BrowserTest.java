package io.vigil.testing;

import java.net.URL;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import io.quarkus.test.common.http.TestHTTPResource;

/**
 * The life of a browser test class in one place: Chromium is launched once before its tests and closed
 * after them, and {@link #console} is the URL of the console under test. Subclasses are
 * {@code @QuarkusTest} classes that open contexts with {@code browser.context(width, height)}.
 */
public abstract class BrowserTest {

    protected static ConsoleBrowser browser;

    @TestHTTPResource("/")
    protected URL console;

    @BeforeAll
    static void launchBrowser() {
        browser = ConsoleBrowser.launch();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }
}
