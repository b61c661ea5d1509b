package io.vigil.detect.sigma;

import java.util.Map;

/** Decides what a document is (rule, filter, correlation) and compiles it. */
final class DocumentCompiler {

    private final DetectionCompiler detections;

    DocumentCompiler(DetectionCompiler detections) {
        this.detections = detections;
    }

    SigmaResult compile(Map<String, Object> doc, int index, String text) {
        if (doc.containsKey("action")) {
            throw new SigmaException("action", "rule-collection",
                    "rule collections ('action: global/reset/repeat') are not part of Sigma v2; split the documents");
        }
        if (doc.containsKey("correlation")) {
            return correlation(doc, index, text);
        }
        if (doc.containsKey("filter")) {
            return new SigmaResult.Filter(index, filter(doc, text));
        }
        return new SigmaResult.Rule(index, rule(doc, text));
    }

    private SigmaRule rule(Map<String, Object> doc, String text) {
        String title = Meta.required(doc, "title", "");
        SigmaRule.LogSource logsource = logsource(doc);
        Detection detection = detections.compile(Meta.map(doc, "detection", "", true), "detection");
        return new SigmaRule(Meta.string(doc, "id"), Meta.string(doc, "name"), title, Meta.string(doc, "status"),
                Meta.string(doc, "level"),
                Meta.string(doc, "description"), author(doc), Meta.strings(doc, "references", ""),
                Meta.strings(doc, "tags", ""), logsource, Meta.strings(doc, "falsepositives", ""), detection, text);
    }

    private SigmaFilter filter(Map<String, Object> doc, String text) {
        String title = Meta.required(doc, "title", "");
        Map<String, Object> filter = Meta.map(doc, "filter", "", true);
        var rules = Meta.strings(filter, "rules", "filter.");
        if (rules.isEmpty()) {
            throw new SigmaException("filter.rules", "filter:missing-rules", "a filter names the rules it applies to");
        }
        Map<String, Object> detection = new java.util.LinkedHashMap<>(filter);
        detection.remove("rules");
        return new SigmaFilter(Meta.string(doc, "id"), title, Meta.string(doc, "description"), logsource(doc), rules,
                detections.compile(detection, "filter"), text);
    }

    private static SigmaResult.Correlation correlation(Map<String, Object> doc, int index, String text) {
        return new SigmaResult.Correlation(index, CorrelationCompiler.compile(doc, text));
    }

    private static SigmaRule.LogSource logsource(Map<String, Object> doc) {
        Map<String, Object> ls = Meta.map(doc, "logsource", "", true);
        return new SigmaRule.LogSource(Meta.string(ls, "product"), Meta.string(ls, "category"),
                Meta.string(ls, "service"), Meta.string(ls, "definition"));
    }

    /** Authors are usually one string, sometimes a list; joined so the record stays simple. */
    private static String author(Map<String, Object> doc) {
        if (doc.get("author") instanceof java.util.List<?>) {
            return String.join(", ", Meta.strings(doc, "author", ""));
        }
        return Meta.string(doc, "author");
    }
}
