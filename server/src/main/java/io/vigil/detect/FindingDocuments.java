package io.vigil.detect;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.index.EventIndexer;
import io.vigil.index.EventIndices;

/**
 * A finding as a document of {@code vigil-findings-*} (mapping: opensearch/index-templates/vigil-findings.json):
 * {@code @timestamp} is its latest event's time, {@code finding.first} its earliest, {@code event.id} and
 * {@code event.time} list every matched event, in the same order. It goes to the index of the day it
 * was found ({@code finding.created}), not of its events' day (ADR 0011).
 */
final class FindingDocuments {

    /** Bytes per listed event, for the bulk request's size estimate. */
    private static final int BYTES_PER_EVENT = 80;

    private FindingDocuments() {
    }

    static EventIndexer.Document of(Finding finding, Instant created) {
        var json = JsonNodeFactory.instance;
        ObjectNode body = json.objectNode();
        body.put("@timestamp", finding.last().toString());
        body.putObject("finding").put("id", finding.id()).put("created", created.toString())
                .put("first", finding.first().toString()).put("count", finding.eventIds().size());
        ObjectNode rule = body.putObject("rule").put("id", finding.ruleId()).put("title", finding.ruleTitle())
                .put("version", finding.ruleVersion());
        if (finding.level() != null) {
            rule.put("level", finding.level().id());
        }
        finding.tags().forEach(rule.putArray("tags")::add);
        ObjectNode event = body.putObject("event");
        ArrayNode ids = event.putArray("id");
        finding.eventIds().forEach(ids::add);
        ArrayNode times = event.putArray("time");
        finding.eventTimes().forEach(time -> times.add(time.toString()));
        event.put("index", finding.eventIndex());
        body.putObject("vigil").put("source", finding.source());
        ObjectNode group = body.putObject("group");
        finding.group().forEach(group::put);
        return new EventIndexer.Document(EventIndices.findings(created), finding.id(), body,
                512 + BYTES_PER_EVENT * finding.eventIds().size());
    }
}
