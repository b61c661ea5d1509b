package io.vigil.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vigil.detect.sigma.SigmaParser;
import io.vigil.detect.sigma.SigmaResult;
import io.vigil.event.Level;

class BatchFindingsTest {

    private static final DetectionService.ActiveRule RULE = new DetectionService.ActiveRule("r-1", 3,
            ((SigmaResult.Rule) new SigmaParser().parseOne("""
                    title: Role assumed
                    id: r-1
                    level: low
                    tags: [attack.t1550]
                    logsource: {product: aws, service: cloudtrail}
                    detection:
                      selection: {userIdentity.type: AssumedRole}
                      condition: selection
                    """)).rule());
    private static final Map<String, String> ALICE = Map.of("user.name", "alice");
    private static final Instant NINE = Instant.parse("2026-11-21T09:00:00Z");

    @Test
    void matchesOfOneRuleWhoAndDayAreOneFindingInTheOrderTheyCame() {
        BatchFindings batch = new BatchFindings("aws");
        batch.add("r-1", RULE, "e-2", NINE.plusSeconds(5), ALICE);
        batch.add("r-1", RULE, "e-1", NINE, ALICE);

        Finding finding = batch.findings().getFirst();
        assertThat(batch.findings()).hasSize(1);
        assertThat(finding.eventIds()).containsExactly("e-2", "e-1");
        assertThat(finding.first()).isEqualTo(NINE);
        assertThat(finding.last()).isEqualTo(NINE.plusSeconds(5));
        assertThat(finding.eventIndex()).isEqualTo("vigil-events-aws-2026.11.21");
        assertThat(finding).extracting(Finding::ruleTitle, Finding::level, Finding::ruleVersion, Finding::tags)
                .containsExactly("Role assumed", Level.LOW, 3, List.of("attack.t1550"));
    }

    @Test
    void anEventSentTwiceInOneBatchIsListedOnce() {
        BatchFindings batch = new BatchFindings("aws");
        batch.add("r-1", RULE, "e-1", NINE, ALICE);
        batch.add("r-1", RULE, "e-1", NINE, ALICE);

        assertThat(batch.findings()).extracting(Finding::eventIds).containsExactly(List.of("e-1"));
    }

    @Test
    void anotherWhoOrAnotherDayIsAnotherFinding() {
        BatchFindings batch = new BatchFindings("aws");
        batch.add("r-1", RULE, "e-1", NINE, ALICE);
        batch.add("r-1", RULE, "e-2", NINE, Map.of("user.name", "bob"));
        batch.add("r-1", RULE, "e-3", NINE.plusSeconds(86_400), ALICE);

        assertThat(batch.findings()).extracting(Finding::eventIds)
                .containsExactly(List.of("e-1"), List.of("e-2"), List.of("e-3"));
        assertThat(batch.findings().get(2).eventIndex()).isEqualTo("vigil-events-aws-2026.11.22");
    }

    @Test
    void aFindingListsAtMostItsLimitOfEventsAndTheRestStartAnother() {
        BatchFindings batch = new BatchFindings("aws");
        for (int i = 0; i < Finding.MAX_EVENTS + 1; i++) {
            batch.add("r-1", RULE, "e-" + i, NINE, ALICE);
        }
        assertThat(batch.findings()).extracting(f -> f.eventIds().size()).containsExactly(Finding.MAX_EVENTS, 1);
    }

    @Test
    void theSameEventsMakeTheSameFindingIdAndOthersAnother() {
        String index = "vigil-events-aws-2026.11.21";
        assertThat(BatchFindings.findingId("r-1", index, List.of("e-1", "e-2")))
                .isEqualTo(BatchFindings.findingId("r-1", index, List.of("e-1", "e-2")))
                .isNotEqualTo(BatchFindings.findingId("r-1", index, List.of("e-1")))
                .isNotEqualTo(BatchFindings.findingId("r-2", index, List.of("e-1", "e-2")));
    }

    @Test
    void theSameRecordInTwoSourcesMakesTwoFindings() {
        BatchFindings first = new BatchFindings("aws-prod");
        BatchFindings replay = new BatchFindings("aws-replay");
        first.add("r-1", RULE, "e-1", NINE, ALICE);
        replay.add("r-1", RULE, "e-1", NINE, ALICE);

        Finding kept = first.findings().getFirst();
        Finding other = replay.findings().getFirst();
        assertThat(kept.id()).isNotEqualTo(other.id());
        assertThat(List.of(kept.source(), other.source())).containsExactly("aws-prod", "aws-replay");
    }
}
