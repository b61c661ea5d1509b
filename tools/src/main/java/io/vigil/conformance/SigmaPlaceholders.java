package io.vigil.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The sample site's values for Sigma {@code expand} placeholders ({@code conformance/sigma-placeholders.yml}):
 * placeholder name to values. Read from the class path, or from {@code tools/src/main/resources} when the
 * check runs from the repository's root without Maven's resource copy.
 */
final class SigmaPlaceholders {

    static final String RESOURCE = "conformance/sigma-placeholders.yml";
    private static final Path SOURCE = Path.of("tools", "src", "main", "resources", RESOURCE);

    private SigmaPlaceholders() {
    }

    /** @param file an explicit file, or null for the sample on the classpath / in the source tree */
    static Map<String, List<String>> load(Path file) throws IOException {
        String text;
        if (file != null) {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } else {
            try (InputStream in = SigmaPlaceholders.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in != null) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } else if (Files.isRegularFile(SOURCE)) {
                    text = Files.readString(SOURCE, StandardCharsets.UTF_8);
                } else {
                    throw new IOException("no " + RESOURCE + " on the classpath nor at " + SOURCE);
                }
            }
        }
        return parse(text);
    }

    static Map<String, List<String>> parse(String text) throws IOException {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        if (!(root instanceof Map<?, ?> map)) {
            throw new IOException("placeholders: expected a map of name to values");
        }
        Map<String, List<String>> placeholders = new TreeMap<>();
        for (var entry : map.entrySet()) {
            List<String> values = new ArrayList<>();
            if (entry.getValue() instanceof List<?> list) {
                list.forEach(v -> values.add(String.valueOf(v)));
            } else if (entry.getValue() != null) {
                values.add(String.valueOf(entry.getValue()));
            }
            if (values.isEmpty()) {
                throw new IOException("placeholders: %" + entry.getKey() + "% has no values");
            }
            placeholders.put(String.valueOf(entry.getKey()), List.copyOf(values));
        }
        return placeholders;
    }
}
