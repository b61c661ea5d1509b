package io.vigil.detect.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.vigil.ops.DependencySetup;
import io.vigil.ops.SetupState;
import io.vigil.store.DatabaseMigrator;

/**
 * Loads the SigmaHQ packs shipped in {@code sigma/sigmahq} (see its NOTICE.md) and Vigil's own in
 * {@code sigma/vigil} the first time the server meets a database without them. A pack that exists is left alone: what administrators
 * enabled, disabled or changed stays as they left it.
 */
@Singleton
public class BuiltinRulePacks {

    /** Pack name → (title, root with its index.txt, folder of the shipped rules under the root). */
    static final Map<String, String[]> PACKS = new LinkedHashMap<>();

    private static final String SIGMAHQ = "sigma/sigmahq/";

    static {
        PACKS.put("sigmahq-cloudtrail",
                new String[]{"SigmaHQ: AWS CloudTrail", SIGMAHQ, "rules/cloud/aws/cloudtrail/"});
        PACKS.put("sigmahq-linux", new String[]{"SigmaHQ: Linux", SIGMAHQ, "rules/linux/"});
        PACKS.put("sigmahq-windows", new String[]{"SigmaHQ: Windows", SIGMAHQ, "rules/windows/"});
        PACKS.put("vigil-correlations", new String[]{"Vigil: correlations", "sigma/vigil/", "correlations/"});
    }

    private final RuleService rules;
    private final DatabaseMigrator migrator;
    private final DependencySetup setup = new DependencySetup("Built-in rule packs",
            Logger.getLogger(BuiltinRulePacks.class));

    BuiltinRulePacks(RuleService rules, DatabaseMigrator migrator) {
        this.rules = rules;
        this.migrator = migrator;
    }

    @Scheduled(every = "${vigil.database.setup-retry:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void ensureLoaded() {
        if (!(migrator.setup().state() instanceof SetupState.Done)) {
            return;
        }
        setup.attempt(() -> {
            List<String> loaded = new ArrayList<>();
            Map<String, List<String>> indices = new java.util.HashMap<>();
            for (var pack : PACKS.entrySet()) {
                if (!rules.packExists(pack.getKey())) {
                    long start = System.nanoTime();
                    String root = pack.getValue()[1];
                    List<String> index = indices.computeIfAbsent(root,
                            r -> List.of(read(r + "index.txt").split("\n")));
                    List<String> files = files(root, index, pack.getValue()[2]);
                    int refused = rules.importBuiltinPack(pack.getKey(), pack.getValue()[0], files);
                    loaded.add("%s (%d files, %d refused, %d ms)".formatted(pack.getKey(), files.size(), refused,
                            (System.nanoTime() - start) / 1_000_000));
                }
            }
            return loaded.isEmpty() ? "Built-in rule packs present" : "Built-in rule packs loaded: " + loaded;
        });
    }

    /** The shipped rule files under a folder of a root, in the order of its {@code index.txt}. */
    static List<String> files(String root, List<String> index, String folder) {
        List<String> texts = new ArrayList<>();
        for (String path : index) {
            if (path.startsWith(folder)) {
                texts.add(read(root + path));
            }
        }
        return texts;
    }

    static String read(String resource) {
        try (InputStream in = BuiltinRulePacks.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
