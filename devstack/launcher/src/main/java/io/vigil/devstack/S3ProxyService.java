package io.vigil.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real S3 API (s3proxy) in its own JVM. Signature V2/V4 with fixed credentials; blobs in memory
 * ({@code transient}) or, when {@code blobDir} is given, in files under it (kept across restarts).
 */
public final class S3ProxyService extends ProcessService {

    public static final String ACCESS_KEY = "vigil-dev-access-key";
    public static final String SECRET_KEY = "vigil-dev-secret-key";

    private final int port;
    private final Path blobDir;

    /** @param blobDir null for an in-memory store */
    public S3ProxyService(StackLayout layout, int port, Path blobDir) {
        super(layout);
        this.port = port;
        this.blobDir = blobDir;
    }

    @Override
    public String name() {
        return "s3proxy";
    }

    /** Use with S3Client endpointOverride(...) and forcePathStyle(true). */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void start() throws IOException {
        Ports.requireFree(port, "S3 (s3proxy)", "VIGIL_S3_PORT");
        Files.createDirectories(layout.runDir());
        Path conf = layout.runDir().resolve("s3proxy.conf");
        StringBuilder props = new StringBuilder()
                .append("s3proxy.endpoint=").append(url()).append('\n')
                .append("s3proxy.authorization=aws-v2-or-v4\n")
                .append("s3proxy.identity=").append(ACCESS_KEY).append('\n')
                .append("s3proxy.credential=").append(SECRET_KEY).append('\n')
                .append("jclouds.identity=unused\njclouds.credential=unused\n");
        if (blobDir == null) {
            props.append("jclouds.provider=transient\n");
        } else {
            Files.createDirectories(blobDir);
            props.append("jclouds.provider=filesystem\n")
                    .append("jclouds.filesystem.basedir=").append(blobDir.toAbsolutePath()).append('\n');
        }
        Files.writeString(conf, props);
        Path dist = layout.awsNodeDist();
        var command = List.of(StackLayout.java(), "-Xms16m", "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener",
                "-cp", dist.resolve("aws-node.jar") + ":" + dist.resolve("s3proxy") + "/*",
                "io.vigil.devstack.aws.ExitOnStdinEof", "org.gaul.s3proxy.Main", "--properties", conf.toString());
        // any HTTP answer means Jetty serves: an unsigned GET / is 403 AccessDenied
        launch(command, Map.of("LOG_LEVEL", "warn"), layout.projectDir(), () -> Http.status(url() + "/") > 0,
                Duration.ofSeconds(60));
    }
}
