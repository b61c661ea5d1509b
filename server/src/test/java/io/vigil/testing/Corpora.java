package io.vigil.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import io.vigil.devstack.StackLayout;

/**
 * The shared test material nobody here wrote ({@code ../shared/corpora} beside the repository): tests
 * that use it are skipped where it is absent. Found from the repository's root, since tests run in
 * {@code server/}.
 */
public final class Corpora {

    private Corpora() {
    }

    /** The corpora folder, or null when this machine has none. */
    public static Path rootOrNull() {
        Path corpora = StackLayout.repositoryRoot().resolveSibling("shared").resolve("corpora");
        return Files.isDirectory(corpora) ? corpora : null;
    }
}
