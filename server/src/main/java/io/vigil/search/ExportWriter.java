package io.vigil.search;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Writes exported events: CSV of the shown columns, or NDJSON of the whole stored documents. */
abstract sealed class ExportWriter permits ExportWriter.Csv, ExportWriter.Ndjson {

    protected final OutputStream out;

    ExportWriter(OutputStream out) {
        this.out = out;
    }

    static ExportWriter of(String format, OutputStream out, List<String> columns) {
        return "ndjson".equals(format) ? new Ndjson(out) : new Csv(out, columns);
    }

    abstract void header() throws IOException;

    abstract void event(SearchResults.Hit hit) throws IOException;

    protected void line(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    /** RFC 4180 CSV; a value a spreadsheet would run as a formula is prefixed with a quote. */
    static final class Csv extends ExportWriter {

        private final List<String> columns;

        Csv(OutputStream out, List<String> columns) {
            super(out);
            this.columns = columns;
        }

        @Override
        void header() throws IOException {
            StringBuilder row = new StringBuilder("@timestamp");
            columns.forEach(c -> row.append(',').append(cell(c)));
            line(row.toString());
        }

        @Override
        void event(SearchResults.Hit hit) throws IOException {
            JsonNode doc = hit.document();
            StringBuilder row = new StringBuilder(hit.time().toString());
            for (String column : columns) {
                row.append(',').append(cell(FlatFields.value(doc, column)));
            }
            line(row.toString());
        }

        static String cell(String value) {
            String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
            boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                    || safe.indexOf('\r') >= 0;
            return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
        }
    }

    /** One stored document per line, as OpenSearch holds it. */
    static final class Ndjson extends ExportWriter {

        Ndjson(OutputStream out) {
            super(out);
        }

        @Override
        void header() {
        }

        @Override
        void event(SearchResults.Hit hit) throws IOException {
            line(hit.document().toString());
        }
    }
}
