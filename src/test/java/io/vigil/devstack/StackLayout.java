package io.vigil.devstack;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the dev stack finds what the build prepared ({@code target/devstack}) and where it keeps
 * its data (a git-ignored folder, so a restart keeps it).
 */
public record StackLayout(Path projectDir, Path dataDir) {

    public StackLayout {
        projectDir = projectDir.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    Path devstackDir() {
        return projectDir.resolve("target/devstack");
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
        return projectDir.resolve("devstack/keycloak/vigil-realm.json");
    }

    Path serverJar() {
        return projectDir.resolve("target/quarkus-app/quarkus-run.jar");
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
                throw new StackException(needed + " is missing: build first (./mvnw -DskipTests package).");
            }
        }
    }
}
