package io.vigil.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The ground truth of fail2ban's filter tests: {@code labels_failJSON.csv} (one row per labelled log
 * line) read into {@link Label}s. The CSV keeps {@code host} only; labels that name the address as
 * {@code ip4}/{@code ip6} get it from the {@code # failJSON:} comment above the line in the log.
 */
final class Fail2banLabels {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FAIL_JSON = "# failJSON:";

    /**
     * @param modes the fail2ban filter modes the label was tested in ({@code normal} for {@code {}})
     * @param host the expected address or host name, or null when the label does not name one
     */
    record Label(String file, int lineNo, Set<String> modes, boolean match, String host, String constraint,
            String desc, String line) {
    }

    private Fail2banLabels() {
    }

    static List<Label> read(Path csv, Path logs) throws IOException {
        List<String> rows = Files.readAllLines(csv);
        List<String> header = fields(rows.get(0));
        List<Label> labels = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            if (row.isBlank()) {
                continue;
            }
            List<String> cells = fields(row);
            String file = cell(header, cells, "file");
            int lineNo = Integer.parseInt(cell(header, cells, "line_no"));
            String host = cell(header, cells, "host");
            if (host.isEmpty()) {
                host = hostFromComment(logs.resolve(file), lineNo);
            }
            labels.add(new Label(file, lineNo, modes(cell(header, cells, "filter_options")),
                    Boolean.parseBoolean(cell(header, cells, "match").toLowerCase()), host,
                    cell(header, cells, "constraint"), cell(header, cells, "desc"), cell(header, cells, "line")));
        }
        return labels;
    }

    private static String cell(List<String> header, List<String> cells, String name) {
        int index = header.indexOf(name);
        return index >= 0 && index < cells.size() ? cells.get(index) : "";
    }

    /** {@code [{}, {"mode": "aggressive"}]} or a single object; a missing mode is fail2ban's default. */
    private static Set<String> modes(String options) throws IOException {
        Set<String> modes = new HashSet<>();
        JsonNode node = options.isBlank() ? JSON.createArrayNode() : JSON.readTree(options);
        for (JsonNode option : node.isArray() ? node : List.of(node)) {
            modes.add(option.path("mode").asText("normal"));
        }
        if (modes.isEmpty()) {
            modes.add("normal");
        }
        return modes;
    }

    /** The address a {@code # failJSON: {...}} comment gives for the line below it, if any. */
    private static String hostFromComment(Path log, int lineNo) throws IOException {
        List<String> lines = Files.readAllLines(log);
        for (int i = lineNo - 2; i >= 0 && lines.get(i).startsWith("#"); i--) {
            if (lines.get(i).startsWith(FAIL_JSON)) {
                JsonNode label = JSON.readTree(lines.get(i).substring(FAIL_JSON.length()));
                for (String key : new String[]{"host", "ip4", "ip6"}) {
                    if (label.hasNonNull(key)) {
                        return label.get(key).asText();
                    }
                }
                return null;
            }
        }
        return null;
    }

    /** One RFC 4180 row: commas separate, double quotes enclose, doubled quotes escape. */
    static List<String> fields(String row) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted && c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
