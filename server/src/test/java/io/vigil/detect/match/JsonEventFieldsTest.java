package io.vigil.detect.match;

import static io.vigil.detect.match.TestRules.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class JsonEventFieldsTest {

    private static List<Object> values(EventFields e, String field) {
        List<Object> out = new ArrayList<>();
        e.anyValue(field, v -> {
            out.add(v);
            return false;
        });
        return out;
    }

    @Test
    void flatKeyFirstThenNestedPath() {
        EventFields e = event("""
                {"CommandLine":"a","requestParameters":{"bucketName":"b"},"x.y":"flat","x":{"y":"nested"},
                 "Event":{"EventData":{"CommandLine":"c"}}}""");
        assertThat(values(e, "CommandLine")).containsExactly("a");
        assertThat(values(e, "requestParameters.bucketName")).containsExactly("b");
        assertThat(values(e, "Event.EventData.CommandLine")).containsExactly("c");
        assertThat(values(e, "x.y")).startsWith("flat");
    }

    @Test
    void arraysGiveSeveralValuesAndFanOutAlongThePath() {
        EventFields e = event("{\"resources\":[{\"ARN\":\"a1\"},{\"ARN\":\"a2\"}],\"ids\":[1,2,[3]]}");
        assertThat(values(e, "resources.ARN")).containsExactly("a1", "a2");
        assertThat(values(e, "ids")).hasSize(3);
    }

    @Test
    void absentAndNullDiffer() {
        EventFields e = event("{\"n\":null}");
        assertThat(e.has("n")).isTrue();
        assertThat(e.has("m")).isFalse();
        assertThat(values(e, "n")).containsExactly((Object) null);
        assertThat(values(e, "m")).isEmpty();
    }

    @Test
    void anObjectTestedAsAValueIsItsJsonText() {
        EventFields e = event("{\"requestParameters\":{\"VersioningConfiguration\":{\"Status\":\"Suspended\"}}}");
        assertThat(e.anyValue("requestParameters", v -> v instanceof String s && s.contains("\"Suspended\""))).isTrue();
        assertThat(e.anyValue("requestParameters.VersioningConfiguration.Status", "Suspended"::equals)).isTrue();
    }

    @Test
    void numbersAndBooleansKeepTheirType() {
        EventFields e = event("{\"n\":5,\"b\":true}");
        assertThat(values(e, "n").get(0)).isInstanceOf(Number.class);
        assertThat(values(e, "b")).containsExactly(true);
    }
}
