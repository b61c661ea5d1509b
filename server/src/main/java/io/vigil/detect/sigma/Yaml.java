package io.vigil.detect.sigma;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML into plain maps, lists and {@link Scalar}s. Only SnakeYAML's composer runs — no object
 * construction, so tags cannot instantiate classes — and scalars keep their text and resolved kind:
 * Sigma gives numbers, booleans and null their own meaning in value lists, and a number must still
 * compare as the text the author wrote. Hostile input is bounded: document size, nesting depth, alias
 * count, and the total number of nodes after alias expansion.
 */
final class Yaml {

    /** A YAML scalar: its text as written and what YAML resolved it to. */
    record Scalar(String text, Kind kind) {
    }

    enum Kind {
        STRING,
        INT,
        FLOAT,
        BOOL,
        NULL
    }

    /** Limits for one stream. */
    record Limits(int maxCodePoints, int maxDepth, int maxAliases, int maxNodes) {

        static final Limits DEFAULT = new Limits(6 * 1024 * 1024, 64, 50, 2_000_000);
    }

    private final Limits limits;
    private int nodes;

    Yaml(Limits limits) {
        this.limits = limits;
    }

    /** Lazily composes the documents of a stream; a syntax error surfaces from the iterator. */
    Iterator<Node> documents(String text) {
        // Checked up front: SnakeYAML's own limit only trips after scanning that far, which is slow.
        if (text.length() > limits.maxCodePoints()) {
            throw new SigmaException("", "yaml:too-large",
                    "YAML text longer than " + limits.maxCodePoints() + " characters");
        }
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(limits.maxCodePoints());
        options.setNestingDepthLimit(limits.maxDepth());
        options.setMaxAliasesForCollections(limits.maxAliases());
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        var yaml = new org.yaml.snakeyaml.Yaml(options);
        return yaml.composeAll(new StringReader(text)).iterator();
    }

    /** Converts one composed document; maps become insertion-ordered {@code Map<String, Object>}. */
    Object convert(Node node, int depth) {
        if (++nodes > limits.maxNodes()) {
            throw new SigmaException("", "yaml:too-large",
                    "more than " + limits.maxNodes() + " YAML nodes after alias expansion");
        }
        if (depth > limits.maxDepth()) {
            throw new SigmaException("", "yaml:too-deep", "nesting deeper than " + limits.maxDepth());
        }
        return switch (node) {
            case ScalarNode s -> scalar(s);
            case SequenceNode seq -> {
                List<Object> list = new ArrayList<>(seq.getValue().size());
                for (Node item : seq.getValue()) {
                    list.add(convert(item, depth + 1));
                }
                yield list;
            }
            case MappingNode map -> mapping(map, depth);
            default -> throw new SigmaException("", "yaml:node", "unsupported YAML node " + node.getNodeId());
        };
    }

    private Map<String, Object> mapping(MappingNode map, int depth) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw new SigmaException("", "yaml:complex-key", "mapping keys must be scalars");
            }
            if (result.put(key.getValue(), convert(tuple.getValueNode(), depth + 1)) != null) {
                throw new SigmaException(key.getValue(), "yaml:duplicate-key",
                        "duplicate key '" + key.getValue() + "'");
            }
        }
        return result;
    }

    private static Scalar scalar(ScalarNode s) {
        Tag tag = s.getTag();
        Kind kind = Tag.INT.equals(tag)
                ? Kind.INT
                : Tag.FLOAT.equals(tag)
                        ? Kind.FLOAT
                        : Tag.BOOL.equals(tag)
                                ? Kind.BOOL
                                : Tag.NULL.equals(tag)
                                        ? Kind.NULL
                                        : Kind.STRING;
        return new Scalar(s.getValue(), kind);
    }
}
