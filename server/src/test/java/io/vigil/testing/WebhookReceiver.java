package io.vigil.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server in the test that takes webhook posts: each path keeps its bodies; a path starting
 * with {@code /fail} answers 500 as a broken receiver does.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Post(String path, String body) {
    }

    private final HttpServer server;
    private final List<Post> posts = new CopyOnWriteArrayList<>();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            posts.add(new Post(path, body));
            byte[] answer = (path.startsWith("/fail") ? "<html>receiver broken</html>" : "ok")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(path.startsWith("/fail") ? 500 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<String> bodies(String path) {
        return posts.stream().filter(p -> p.path().equals(path)).map(Post::body).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
