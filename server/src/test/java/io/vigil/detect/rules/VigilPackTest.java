package io.vigil.detect.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.vigil.detect.correlate.CorrelationSet;
import io.vigil.detect.sigma.SigmaCorrelation;
import io.vigil.detect.sigma.SigmaError;
import io.vigil.detect.sigma.SigmaParser;
import io.vigil.detect.sigma.SigmaResult;

/** Vigil's own pack compiles whole, and its correlations resolve to its own rules. */
class VigilPackTest {

    @Test
    void everyDocumentCompilesAndEveryCorrelationResolves() {
        String[] pack = BuiltinRulePacks.PACKS.get("vigil-correlations");
        List<String> index = List.of(BuiltinRulePacks.read(pack[1] + "index.txt").split("\n"));
        List<String> files = BuiltinRulePacks.files(pack[1], index, pack[2]);
        assertThat(files).isNotEmpty();
        Map<String, String> names = new HashMap<>();
        Map<String, SigmaCorrelation> correlations = new HashMap<>();
        for (String file : files) {
            for (SigmaResult result : new SigmaParser().parse(file)) {
                assertThat(result).as(result instanceof SigmaError e ? e.toString() : "").isNotInstanceOf(
                        SigmaError.class);
                switch (result) {
                    case SigmaResult.Rule r -> {
                        names.put(r.rule().name(), r.rule().id());
                        assertThat(r.rule().level()).as("building blocks alert no one").isEqualTo("informational");
                    }
                    case SigmaResult.Correlation c -> {
                        correlations.put(c.correlation().id(), c.correlation());
                        assertThat(c.correlation().description()).as("what the analyst reads").isNotBlank();
                        assertThat(c.correlation().rising()).as("alerts as soon as the window holds").isTrue();
                    }
                    default -> {
                    }
                }
            }
        }
        var set = CorrelationSet.of(correlations, reference -> Optional.ofNullable(names.get(reference)));
        assertThat(set.refused()).isEmpty();
        assertThat(set.order()).hasSize(correlations.size()).hasSizeGreaterThanOrEqualTo(9);
    }
}
