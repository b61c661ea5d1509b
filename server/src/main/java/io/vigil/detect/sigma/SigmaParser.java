package io.vigil.detect.sigma;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Sigma YAML (one document or a {@code ---} stream) to typed results, one per document: a compiled
 * {@link SigmaRule}, a {@link SigmaFilter}, a {@link SigmaResult.Correlation} handed on to the
 * correlation engine, or a {@link SigmaError}. A document is compiled completely or refused; nothing is
 * half-compiled. Thread-safe: each call works on its own state.
 */
public final class SigmaParser {

    private final Map<String, List<String>> placeholders;
    private final boolean unknownPlaceholderAsWildcard;
    private final Yaml.Limits limits;

    /** A parser without placeholder values: any {@code expand} placeholder is refused. */
    public SigmaParser() {
        this(Map.of());
    }

    /** @param placeholders values of {@code %name%} placeholders for the {@code expand} modifier */
    public SigmaParser(Map<String, List<String>> placeholders) {
        this(placeholders, false);
    }

    /**
     * @param unknownPlaceholderAsWildcard replace a placeholder without configured values by {@code *}
     *        (pySigma's last-resort wildcard placeholders) instead of refusing the rule
     */
    public SigmaParser(Map<String, List<String>> placeholders, boolean unknownPlaceholderAsWildcard) {
        this.placeholders = Map.copyOf(placeholders);
        this.unknownPlaceholderAsWildcard = unknownPlaceholderAsWildcard;
        this.limits = Yaml.Limits.DEFAULT;
    }

    /** Parses every document of the stream. A YAML syntax error ends the stream at that document. */
    public List<SigmaResult> parse(String yamlText) {
        Yaml yaml = new Yaml(limits);
        List<Node> roots = new ArrayList<>();
        SigmaError streamError = null;
        try {
            Iterator<Node> documents = yaml.documents(yamlText);
            while (documents.hasNext()) {
                roots.add(documents.next());
            }
        } catch (SigmaException e) {
            streamError = new SigmaError(null, null, roots.size(), e.path(), e.feature(), e.getMessage());
        } catch (YAMLException | IllegalArgumentException | StackOverflowError e) {
            streamError = new SigmaError(null, null, roots.size(), location(e), feature(e), message(e));
        }
        List<SigmaResult> results = new ArrayList<>(roots.size() + 1);
        var texts = new DocumentTexts(yamlText, roots.size() == 1 && streamError == null);
        for (int i = 0; i < roots.size(); i++) {
            results.add(document(yaml, roots.get(i), i, texts.next(roots.get(i))));
        }
        if (streamError != null) {
            results.add(streamError);
        }
        return results;
    }

    /** Parses a text holding exactly one document. */
    public SigmaResult parseOne(String yamlText) {
        List<SigmaResult> results = parse(yamlText);
        if (results.size() == 1) {
            return results.get(0);
        }
        return new SigmaError(null, null, 0, "", "yaml:document-count",
                "expected one YAML document, found " + results.size());
    }

    private SigmaResult document(Yaml yaml, Node root, int index, String text) {
        Map<String, Object> map = null;
        try {
            if (!(yaml.convert(root, 0) instanceof Map<?, ?> m)) {
                throw new SigmaException("", "yaml:not-a-mapping", "a Sigma document must be a mapping");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) m;
            map = typed;
            return new DocumentCompiler(
                    new DetectionCompiler(new ValueCompiler(placeholders, unknownPlaceholderAsWildcard)))
                    .compile(map, index, text);
        } catch (SigmaException e) {
            return new SigmaError(Meta.string(map, "title"), Meta.string(map, "id"), index, e.path(), e.feature(),
                    e.getMessage());
        }
    }

    private static String location(Throwable e) {
        return e instanceof MarkedYAMLException m && m.getProblemMark() != null
                ? "line " + (m.getProblemMark().getLine() + 1) + ", column " + (m.getProblemMark().getColumn() + 1)
                : "";
    }

    private static String feature(Throwable e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (e instanceof StackOverflowError || m.contains("nesting depth")) {
            return "yaml:too-deep";
        }
        if (m.contains("number of aliases")) {
            return "yaml:too-many-aliases";
        }
        if (m.contains("code point") || m.contains("exceeds the limit")) {
            return "yaml:too-large";
        }
        if (m.contains("duplicate key")) {
            return "yaml:duplicate-key";
        }
        return "yaml:syntax";
    }

    private static String message(Throwable e) {
        String m = e instanceof StackOverflowError ? "YAML nested too deeply" : String.valueOf(e.getMessage());
        return m.length() > 500 ? m.substring(0, 500) + "…" : m;
    }
}
