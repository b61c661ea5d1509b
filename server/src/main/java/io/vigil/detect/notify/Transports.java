package io.vigil.detect.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;

/** Sends one message through a channel: an HTTP POST for webhooks, SMTP for email; 10 seconds at most. */
@ApplicationScoped
public class Transports {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    // HTTP/1.1: receivers are often small servers that stall on the h2c upgrade the JDK client asks for
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final Vertx vertx;

    Transports(Vertx vertx) {
        this.vertx = vertx;
    }

    void send(Channel channel, Message message) throws DeliveryException {
        switch (channel.channelKind()) {
            case WEBHOOK -> post(channel.url, MessageBodies.webhook(message));
            case SLACK -> post(channel.url, MessageBodies.slack(message));
            case EMAIL -> mail(channel, message);
        }
    }

    private void post(String url, String body) throws DeliveryException {
        URI uri = URI.create(url);
        String where = ChannelView.masked(url);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("User-Agent", "Vigil")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new DeliveryException("HTTP " + response.statusCode() + " from " + where + ": "
                        + snippet(response.body()));
            }
        } catch (IOException e) {
            throw new DeliveryException("could not reach " + where + ": " + reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while sending to " + where, e);
        }
    }

    private void mail(Channel channel, Message message) throws DeliveryException {
        String tls = channel.smtpTls == null ? "starttls" : channel.smtpTls;
        int port = channel.smtpPort != null ? channel.smtpPort : switch (tls) {
            case "tls" -> 465;
            case "none" -> 25;
            default -> 587;
        };
        MailConfig config = new MailConfig().setHostname(channel.smtpHost).setPort(port)
                .setStarttls(switch (tls) {
                    case "none" -> StartTLSOptions.DISABLED;
                    case "tls" -> StartTLSOptions.DISABLED;
                    default -> StartTLSOptions.REQUIRED;
                }).setSsl("tls".equals(tls)).setKeepAlive(false).setMaxPoolSize(1);
        config.setConnectTimeout((int) Duration.ofSeconds(5).toMillis());
        if (channel.smtpUser != null) {
            config.setLogin(LoginOption.REQUIRED).setUsername(channel.smtpUser).setPassword(channel.smtpPassword);
        } else {
            config.setLogin(LoginOption.DISABLED);
        }
        MailMessage mail = new MailMessage().setFrom(channel.sender).setTo(List.of(channel.recipients))
                .setSubject(MessageBodies.subject(message)).setText(MessageBodies.text(message))
                .setHtml(MessageBodies.html(message));
        MailClient client = MailClient.create(vertx, config);
        String where = channel.smtpHost + ":" + port;
        try {
            client.sendMail(mail).toCompletionStage().toCompletableFuture().get(TIMEOUT.toSeconds(),
                    TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new DeliveryException("SMTP " + where + ": " + reason(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new DeliveryException("SMTP " + where + ": no answer within " + TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while mailing through " + where, e);
        } finally {
            client.close();
        }
    }

    private static String reason(Throwable e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return snippet(text);
    }

    /** The start of what the far end said, on one line: enough to diagnose, never a page of HTML. */
    private static String snippet(String text) {
        if (text == null || text.isBlank()) {
            return "(no body)";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
