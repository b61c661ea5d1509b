package io.vigil.detect.backtest;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.detect.DetectionService;
import io.vigil.detect.FieldMapping;
import io.vigil.detect.LogSourceQuery;
import io.vigil.detect.match.EventContext;
import io.vigil.detect.query.QueryTranslationException;
import io.vigil.detect.query.SigmaQueryTranslator;
import io.vigil.detect.sigma.SigmaRule;
import io.vigil.index.EventIndices;
import io.vigil.index.RawQueries;
import io.vigil.index.query.Dsl;
import io.vigil.index.query.FieldTypes;

/**
 * A rule as a query over stored events, selecting what detection at ingest would have matched: the
 * rule as detection runs it (global filters folded in), its fields looked up where its logsource keeps
 * them, restricted to the events its logsource applies to. Field types come from the events indices'
 * current mappings, read per query (a backtest is rare; the mapping changes as new fields arrive).
 */
@ApplicationScoped
public class RuleQueries {

    private final RawQueries raw;
    private final DetectionService detection;

    RuleQueries(RawQueries raw, DetectionService detection) {
        this.raw = raw;
        this.detection = detection;
    }

    /** @throws QueryTranslationException naming the feature that has no exact query */
    public ObjectNode of(SigmaRule rule) {
        FieldTypes types = FieldTypes.fromMappingResponse(raw.mapping(EventIndices.ALL_EVENTS));
        SigmaRule.LogSource ls = rule.logsource();
        // the matcher maps by the event's logsource: a rule that does not state its product also sees
        // Windows events, whose fields it must then find where they are stored
        String product = ls == null || ls.product() == null ? "windows" : ls.product();
        FieldMapping mapping = FieldMapping.of(new EventContext(product, null, null));
        ObjectNode query = new SigmaQueryTranslator(types, mapping::candidates).translate(detection.asRun(rule));
        return Dsl.and(List.of(LogSourceQuery.of(ls), query));
    }
}
