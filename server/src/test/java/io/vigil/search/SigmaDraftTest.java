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
                .contains("    filter_1:\n        userIdentity.type: 'Root'")
                .contains("condition: selection and not 1 of filter_*");
        assertThat(parsed(yaml)).singleElement().isInstanceOf(SigmaResult.Rule.class);
    }

    @Test
    void wordsBecomeKeywordsAndWhatHasNoSigmaFormIsLeftAsAComment() {
        String yaml = SigmaDraft.of("", "AccessDenied AND eventName:Describe* AND source.port:[1 TO 1024]");
        assertThat(yaml).contains("title: 'Drafted from a search'")
                .contains("    keywords:\n        '|all': 'AccessDenied'")
                .contains("eventName: 'Describe*'").contains("# not converted, finish by hand: source.port:[1 TO 1024]")
                .contains("condition: selection and keywords");
    }

    @Test
    void eachExcludedValueExcludesOnItsOwnAndWhatIsNotPlainIsLeft() {
        String yaml = SigmaDraft.of("x", "eventName:ConsoleLogin AND NOT user.name:admin AND NOT source.ip:10.0.0.1"
                + " AND NOT (a:1 AND NOT b:2) AND user.name:adm\\*");
        assertThat(yaml).contains("    filter_1:\n        user.name: 'admin'")
                .contains("    filter_2:\n        source.ip:")
                .contains("condition: selection and not 1 of filter_*")
                .contains("# not converted, finish by hand: NOT +a:1 -b:2")
                .contains("user.name: 'adm\\*'");
        assertThat(parsed(yaml)).singleElement().isInstanceOf(SigmaResult.Rule.class);
        assertThat(SigmaDraft.of("x", "a:/(a|b)*a(a|b){30}/ AND x:/a{1000}{1000}{1000}/")).contains("# not converted");
    }

    @Test
    void aFieldRequiredTwiceNeedsAllItsValues() {
        assertThat(SigmaDraft.of("x", "tags:a AND tags:b")).contains("        tags|all:\n            - 'a'\n"
                + "            - 'b'");
    }
}
