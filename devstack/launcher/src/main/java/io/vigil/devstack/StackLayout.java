package io.vigil.devstack;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the dev stack finds what the build prepared ({@code devstack/launcher/target/devstack}, the
 * server's jar) and where it keeps its data (a git-ignored folder, so a restart keeps it).
 *
 * @param projectDir the repository's root, whichever module the caller runs in
 */
public record StackLayout(Path projectDir, Path dataDir) {

    /** A file only the repository's root holds, so the root is found from any module's folder. */
    private static final String ROOT_MARKER = "devstack/keycloak/vigil-realm.json";

    public StackLayout {
        projectDir = projectDir.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** A layout rooted at the repository around the working directory, with data in {@code dataDir}. */
    public static StackLayout here(Path dataDir) {
        return new StackLayout(repositoryRoot(), dataDir);
    }

    /**
     * The repository's root: the working directory or the nearest parent holding {@value #ROOT_MARKER}
     * (tests run in {@code server/}, {@code ./vigil} in the root).
     */
    public static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(ROOT_MARKER))) {
                return dir;
            }
        }
        throw new StackException("no " + ROOT_MARKER + " in " + start + " or above: run inside the repository");
    }

    Path devstackDir() {
        return projectDir.resolve("devstack/launcher/target/devstack");
    }

    Path openSearchDist() {
        return devstackDir().resolve("opensearch");
    }

    /** aws-node.jar, s3proxy/ and elasticmq/, built by devstack/aws-node. */
    Path awsNodeDist() {
        return devstackDir().resolve("aws");
    }

    Path keycloakZip() {
        return devstackDir().resolve("keycloak-dist.zip");
    }

    Path keycloakHome() {
        return devstackDir().resolve("keycloak");
    }

    Path realmFile() {
        return projectDir.resolve(ROOT_MARKER);
    }

    Path serverJar() {
        return projectDir.resolve("server/target/quarkus-app/quarkus-run.jar");
    }

    public Path runDir() {
        return dataDir.resolve("run");
    }

    /** The java launcher of this JVM: the scripts already chose one of version 21 or later. */
    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static Path javaHome() {
        return Path.of(java()).getParent().getParent();
    }

    void requireBuilt() {
        for (Path needed : new Path[]{openSearchDist().resolve("opensearch-node.jar"), keycloakZip()}) {
            if (!Files.exists(needed)) {
                throw new StackException(needed + " is missing: build first (./vigil build).");
            }
        }
    }
}
