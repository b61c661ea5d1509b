package io.vigil.detect.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorLinesTest {

    private static final String RULE = """
            title: Example
            logsource:
              product: aws
            detection:
              filter:
                eventName: X
              selection:
                userIdentity.type: Root
                eventName|sortof: CreateUser
              condition: selection and other
            level: high
            """;

    @Test
    void aPathIsFoundByItsKeysAndTheirIndentation() {
        assertThat(ErrorLines.line(RULE, 0, "detection.selection.eventName|sortof")).isEqualTo(9);
        assertThat(ErrorLines.line(RULE, 0, "detection.selection.userIdentity.type")).isEqualTo(8);
        assertThat(ErrorLines.line(RULE, 0, "detection.condition")).isEqualTo(10);
        assertThat(ErrorLines.line(RULE, 0, "level")).isEqualTo(11);
    }

    @Test
    void anUnknownPathEndsAtItsDeepestKnownKeyOrTheDocumentsStart() {
        assertThat(ErrorLines.line(RULE, 0, "detection.nowhere")).isEqualTo(4);
        assertThat(ErrorLines.line(RULE, 0, "")).isEqualTo(1);
        assertThat(ErrorLines.line("title: a\n---\ntitle: b\nlevel: x\n", 1, "level")).isEqualTo(4);
    }

    @Test
    void yamlErrorsNameTheirLine() {
        assertThat(ErrorLines.line(RULE, 0, "line 3, column 5")).isEqualTo(3);
    }
}
