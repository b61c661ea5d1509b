package io.vigil.detect.rules;

import java.util.ArrayList;
import java.util.List;

import io.vigil.detect.LogSourceQuery;
import io.vigil.detect.sigma.SigmaError;
import io.vigil.detect.sigma.SigmaParser;
import io.vigil.detect.sigma.SigmaResult;
import io.vigil.detect.sigma.SigmaRule;

/**
 * What the editor shows while a rule is typed: each document compiled, and either what it became
 * (title, logsource, fields, ATT&CK tags) or where and why it was refused.
 */
public record RuleCheck(List<Document> documents) {

    /** One document: {@code error} is null when it compiled. */
    public record Document(int index, String kind, String id, String title, String level, String logsource,
            List<String> fields, List<String> tags, String note, SigmaError error, int line) {

        public boolean ok() {
            return error == null;
        }
    }

    private static final SigmaParser PARSER = new SigmaParser();

    public static RuleCheck of(String yaml) {
        List<Document> documents = new ArrayList<>();
        for (SigmaResult result : PARSER.parse(yaml == null ? "" : yaml)) {
            documents.add(switch (result) {
                case SigmaError error -> new Document(error.documentIndex(), "rule", error.id(), error.title(), null,
                        null, List.of(), List.of(), null, error,
                        ErrorLines.line(yaml == null ? "" : yaml, error.documentIndex(), error.path()));
                case SigmaResult.Rule rule -> rule(rule);
                case SigmaResult.Filter filter -> new Document(filter.documentIndex(), "filter", filter.filter().id(),
                        filter.filter().title(), null, LogSourceQuery.describe(filter.filter().logsource()),
                        List.copyOf(filter.filter().detection().fields()), List.of(),
                        "a filter for " + String.join(", ", filter.filter().rules()), null, 0);
                case SigmaResult.Correlation c -> new Document(c.documentIndex(), "correlation",
                        c.correlation().id(), c.correlation().title(), c.correlation().level(), null, List.of(),
                        List.of(), c.correlation().type().sigma() + " correlation of "
                                + String.join(", ", c.correlation().rules()),
                        null, 0);
            });
        }
        return new RuleCheck(documents);
    }

    /** The one rule of the text, when it holds exactly one document that compiled as a detection rule. */
    public static SigmaRule single(String yaml) {
        List<SigmaResult> results = PARSER.parse(yaml == null ? "" : yaml);
        return results.size() == 1 && results.get(0) instanceof SigmaResult.Rule rule ? rule.rule() : null;
    }

    public boolean ok() {
        return !documents.isEmpty() && documents.stream().allMatch(Document::ok);
    }

    private static Document rule(SigmaResult.Rule result) {
        SigmaRule rule = result.rule();
        return new Document(result.documentIndex(), "rule", rule.id(), rule.title(), rule.level(),
                LogSourceQuery.describe(rule.logsource()), List.copyOf(rule.detection().fields()),
                List.copyOf(rule.tags()),
                LogSourceQuery.nothingFits(rule.logsource()), null, 0);
    }
}
