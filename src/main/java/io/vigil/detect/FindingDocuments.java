package io.vigil.detect;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.index.EventIndexer;
import io.vigil.index.EventIndices;

/** A finding as a document of {@code vigil-findings-*} (mapping: opensearch/index-templates/vigil-findings.json). */
final class FindingDocuments {

    private FindingDocuments() {
    }

    static EventIndexer.Document of(Finding finding, Instant created) {
        var json = JsonNodeFactory.instance;
        ObjectNode body = json.objectNode();
        body.put("@timestamp", finding.eventTime().toString());
        body.putObject("finding").put("id", finding.id()).put("created", created.toString());
        ObjectNode rule = body.putObject("rule").put("id", finding.ruleId()).put("title", finding.ruleTitle())
                .put("version", finding.ruleVersion());
        if (finding.level() != null) {
            rule.put("level", finding.level());
        }
        finding.tags().forEach(rule.putArray("tags")::add);
        body.putObject("event").put("id", finding.eventId()).put("index", finding.eventIndex());
        body.putObject("vigil").put("source", finding.source());
        ObjectNode group = body.putObject("group");
        finding.group().forEach(group::put);
        return new EventIndexer.Document(EventIndices.findings(finding.eventTime()), finding.id(), body, 512);
    }
}
