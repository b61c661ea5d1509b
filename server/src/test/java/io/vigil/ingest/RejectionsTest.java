package io.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rejections of one request stay bounded: the lowest lines answered, a capped number of dead letters. */
class RejectionsTest {

    private final Rejections rejections = new Rejections("s", new Origin("http", null, null), 3, 2);

    @Test
    void theAnswerListsTheLowestLinesWhateverTheOrderTheyCameIn() {
        for (int line : new int[]{9, 4, 7, 1, 8}) {
            rejections.add(line, 400, "bad", "x");
        }
        assertThat(rejections.count()).isEqualTo(5);
        assertThat(rejections.truncated()).isTrue();
        assertThat(rejections.listed()).extracting(IngestResult.Rejection::line).containsExactly(1, 4, 7);
    }

    @Test
    void deadLettersStopAtTheCapAndOneMoreCountsTheRestByReason() {
        rejections.add(1, 422, "not an event", "{}");
        rejections.add(2, 422, "not an event", "{}");
        rejections.add(3, 422, "not an event", "{}");
        rejections.add(4, 400, "malformed", "{");
        rejections.add(5, 422, "not an event", "{}");

        assertThat(rejections.deadLetters()).hasSize(3);
        var summary = rejections.deadLetters().get(2);
        assertThat(summary.location()).isEqualTo("http line 3");
        assertThat(summary.reason()).startsWith("3 further rejections").contains("2 × not an event")
                .contains("1 × malformed");
        assertThat(rejections.notice()).contains("5 rejections: the first 2 are kept");
    }

    @Test
    void underTheCapEveryRejectionIsADeadLetterAndNothingIsSaid() {
        rejections.add(1, 400, "bad", "x");
        assertThat(rejections.deadLetters()).hasSize(1);
        assertThat(rejections.notice()).isNull();
    }
}
