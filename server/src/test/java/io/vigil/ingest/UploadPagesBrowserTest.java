package io.vigil.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.testing.BrowserTest;
import io.vigil.testing.ConsoleBrowser;
import io.vigil.testing.Tokens;

/** An administrator uploads a gzipped CloudTrail file in the browser, sees the upload progress and the counts. */
@QuarkusTest
class UploadPagesBrowserTest extends BrowserTest {

    @Test
    void aCloudTrailFileIsUploadedWithProgressAndItsBadRecordIsListed() throws IOException {
        String source = "up-" + UUID.randomUUID().toString().substring(0, 6);
        given().auth().oauth2(Tokens.of("admin")).contentType("application/json")
                .body(Map.of("name", source, "type", "cloudtrail", "scope", "test", "retentionDays", 7))
                .post("/api/admin/sources").then().statusCode(201);
        Path file = Files.createTempFile("trail", ".json.gz");
        Files.write(file, cloudTrailFile(20_000));

        try (BrowserContext context = browser.context(1440, 900)) {
            Page page = ConsoleBrowser.signIn(context, console.toString(), "admin");
            page.navigate(console + "admin");
            page.getByText("Upload files").click();
            page.waitForURL("**/admin/upload");
            page.getByLabel("Source").selectOption(source);
            page.getByLabel("File").setInputFiles(file);
            page.getByText("Upload", new Page.GetByTextOptions().setExact(true)).click();

            // reading 20,000 events takes a while on a busy machine: the page says so meanwhile
            PlaywrightAssertions.assertThat(page.getByTestId("upload-result")).containsText("19999 events stored",
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                            .setTimeout(120_000));
            PlaywrightAssertions.assertThat(page.getByTestId("upload-result")).containsText("1 rejected");
            PlaywrightAssertions.assertThat(page.getByTestId("upload-result")).containsText("eventTime");
            PlaywrightAssertions.assertThat(page.locator("#upload-progress progress")).hasAttribute("value", "100");
            PlaywrightAssertions.assertThat(page.locator("#upload-progress-text")).hasText("Done");
            ConsoleBrowser.screenshot(page, "admin-upload-done.png");
            var violations = new AxeBuilder(page).withTags(java.util.List.of("wcag2a", "wcag2aa")).analyze()
                    .getViolations().stream()
                    .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())).toList();
            assertThat(violations).as("serious or critical accessibility problems").isEmpty();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A CloudTrail file as S3 holds it, with one record that has no valid eventTime. */
    private static byte[] cloudTrailFile(int records) throws IOException {
        StringBuilder json = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < records; i++) {
            json.append(i == 0 ? "" : ",").append("{\"eventVersion\":\"1.09\",\"eventTime\":\"")
                    .append(i == 7 ? "yesterday" : "2026-11-21T08:00:00Z")
                    .append("\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"ListUsers\",\"eventID\":\"")
                    .append(UUID.randomUUID()).append("\",\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"192.0.2.")
                    .append(i % 250).append("\",\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"u").append(i % 97)
                    .append("\"},\"requestParameters\":{\"maxItems\":").append(i).append("}}");
        }
        json.append("]}");
        var bytes = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(bytes)) {
            gzip.write(json.toString().getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
