package io.vigil.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak from the Maven Central distribution, in development mode, with Vigil's realm imported
 * on first start. Its database lives in the stack's data folder, so users and sessions survive a
 * restart, until the realm file changes: Keycloak never imports over an existing realm, so the
 * database is then started afresh from the new file. The unpacked distribution itself is shared
 * under {@code target/devstack}.
 */
public final class KeycloakService extends ProcessService {

    public static final String REALM = "vigil";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    public static final String CLIENT_ID = "vigil";
    public static final String CLIENT_SECRET = "vigil-dev-secret-do-not-use-in-production";

    private final int port;
    private final String vigilUrl;

    public KeycloakService(StackLayout layout, int port, String vigilUrl) {
        super(layout);
        this.port = port;
        this.vigilUrl = vigilUrl;
    }

    @Override
    public String name() {
        return "keycloak";
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public String issuer() {
        return url() + "/realms/" + REALM;
    }

    @Override
    public void start() throws IOException {
        Ports.requireFree(port, "Keycloak", "VIGIL_KEYCLOAK_PORT");
        Path home = unpacked();
        Path importDir = Files.createDirectories(home.resolve("data/import"));
        Files.copy(layout.realmFile(), importDir.resolve("vigil-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        Path database = layout.dataDir().resolve("keycloak/keycloakdb");
        Files.createDirectories(database.getParent());
        forgetOlderRealm(database.getParent());
        var command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--http-host=127.0.0.1", "--hostname=" + url(),
                "--import-realm", "--db=dev-file",
                "--db-url=jdbc:h2:file:" + database + ";NON_KEYWORDS=VALUE");
        var env = Map.of(
                "JAVA_HOME", StackLayout.javaHome().toString(),
                "JAVA_OPTS_KC_HEAP", "-Xms256m -Xmx768m",
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "VIGIL_URL", vigilUrl);
        launch(command, env, home, () -> Http.ok(issuer() + "/.well-known/openid-configuration"),
                Duration.ofMinutes(4));
    }

    /** Deletes Keycloak's database when it holds a realm imported from another version of the realm file. */
    private void forgetOlderRealm(Path folder) throws IOException {
        Path marker = folder.resolve("realm.sha256");
        String current = sha256(Files.readAllBytes(layout.realmFile()));
        if (Files.exists(marker) && Files.readString(marker).equals(current)) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("keycloakdb")).toList()) {
                Files.delete(file);
            }
        }
        Files.writeString(marker, current);
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The distribution unpacked once from the zip the build copied; re-unpacked when the zip changes. */
    private Path unpacked() throws IOException {
        Path home = layout.keycloakHome();
        Path marker = home.resolve(".unpacked-from");
        String zipStamp = layout.keycloakZip() + "@" + Files.getLastModifiedTime(layout.keycloakZip()).toMillis();
        if (Files.exists(marker) && Files.readString(marker).equals(zipStamp)) {
            return home;
        }
        Files.createDirectories(home);
        try (InputStream in = Files.newInputStream(layout.keycloakZip()); var zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path target = home.resolve(name.substring(slash + 1)).normalize();
                if (!target.startsWith(home)) {
                    throw new IOException("zip entry outside the target folder: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                    if (target.toString().endsWith(".sh")) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
        }
        Files.writeString(marker, zipStamp);
        return home;
    }

}
