package io.vigil.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.vigil.detect.sigma.SigmaParser;
import io.vigil.detect.sigma.SigmaResult;

class SigmaDraftTest {

    private static List<SigmaResult> parsed(String yaml) {
        return new SigmaParser().parse(yaml);
    }

    @Test
    void requiredValuesSelectExcludedOnesFilterAndTheDraftCompiles() {
        String yaml = SigmaDraft.of("Console logins without MFA",
                "eventName:ConsoleLogin AND additionalEventData.MFAUsed:\"No\" AND NOT userIdentity.type:Root"
                        + " | stats count() by source.ip");
        assertThat(yaml).contains("title: 'Console logins without MFA'").contains("product: aws")
                .contains("service: cloudtrail").contains("        eventName: 'ConsoleLogin'")
                .contains("        additionalEventData.MFAUsed: 'No'")
                .contains("    filter:\n        userIdentity.type: 'Root'")
                .contains("condition: selection and not filter");
        assertThat(parsed(yaml)).singleElement().isInstanceOf(SigmaResult.Rule.class);
    }

    @Test
    void wordsBecomeKeywordsAndWhatHasNoSigmaFormIsLeftAsAComment() {
        String yaml = SigmaDraft.of("", "AccessDenied AND eventName:Describe* AND source.port:[1 TO 1024]");
        assertThat(yaml).contains("title: 'Drafted from a search'").contains("    keywords:\n        - 'AccessDenied'")
                .contains("eventName: 'Describe*'").contains("# not converted, finish by hand: source.port:[1 TO 1024]")
                .contains("condition: selection and keywords");
    }

    @Test
    void aFieldRequiredTwiceNeedsAllItsValues() {
        assertThat(SigmaDraft.of("x", "tags:a AND tags:b")).contains("        tags|all:\n            - 'a'\n"
                + "            - 'b'");
    }
}
