package io.vigil.devstack.opensearch;

import static org.codelibs.opensearch.runner.OpenSearchRunner.newConfigs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * Runs one real OpenSearch node in this JVM until the process is stopped, or until standard
 * input closes when started with {@code --exit-on-stdin-eof} (so a crashed parent never leaves an
 * orphan node behind).
 *
 * <p>Arguments: {@code --data DIR --http-port N --transport-port N [--cluster NAME]
 * [--exit-on-stdin-eof]}.
 */
public final class OpenSearchNode {

    private OpenSearchNode() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        Path data = Path.of(require(options, "--data")).toAbsolutePath();
        String httpPort = require(options, "--http-port");
        String transportPort = require(options, "--transport-port");
        String cluster = options.getOrDefault("--cluster", "vigil-dev");

        OpenSearchRunner runner = new OpenSearchRunner();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(runner, stopped)));
        runner.onBuild((index, settings) -> {
            settings.put("http.port", httpPort);
            settings.put("transport.port", transportPort);
            settings.put("network.host", "127.0.0.1");
            settings.put("discovery.type", "single-node");
            settings.putList("node.roles", "cluster_manager", "data", "ingest");
            // A laptop disk that is 90% full must not turn the dev stack read-only.
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
        }).build(newConfigs().basePath(data.toString()).numOfNode(1).clusterName(cluster)
                .disableESLogger());
        runner.ensureYellow();
        System.out.println("OPENSEARCH READY http://127.0.0.1:" + httpPort);
        System.out.flush();

        if (options.containsKey("--exit-on-stdin-eof")) {
            waitForEof(System.in);
            System.exit(0);
        }
        stopped.await();
    }

    private static void waitForEof(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // discard: standard input only tells that the parent is alive
            }
        } catch (IOException e) {
            // a broken pipe means the parent is gone as surely as EOF does
        }
    }

    private static void close(OpenSearchRunner runner, CountDownLatch stopped) {
        try {
            runner.close();
        } catch (IOException e) {
            System.err.println("OpenSearch did not close cleanly: " + e.getMessage());
        } finally {
            stopped.countDown();
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--exit-on-stdin-eof")) {
                options.put(args[i], "true");
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i], args[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument: " + args[i]);
            }
        }
        return options;
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return value;
    }
}
