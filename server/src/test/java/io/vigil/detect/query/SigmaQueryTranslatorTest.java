package io.vigil.detect.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.detect.sigma.SigmaParser;
import io.vigil.detect.sigma.SigmaResult;
import io.vigil.index.query.FieldKind;
import io.vigil.index.query.FieldTypes;

class SigmaQueryTranslatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FieldTypes TYPES = new FieldTypes(Map.of(
            "CommandLine", FieldKind.KEYWORD,
            "Image", FieldKind.KEYWORD,
            "ParentImage", FieldKind.KEYWORD,
            "count", FieldKind.NUMBER,
            "source.ip", FieldKind.IP,
            "DestinationIp", FieldKind.KEYWORD,
            "requestParameters", FieldKind.FLAT_OBJECT,
            "userIdentity", FieldKind.OBJECT,
            "userIdentity.arn", FieldKind.KEYWORD,
            "message", FieldKind.TEXT), FieldKind.UNMAPPED);

    private static JsonNode query(String detection) {
        return new SigmaQueryTranslator(TYPES).translate(rule(detection));
    }

    static io.vigil.detect.sigma.SigmaRule rule(String detection) {
        String yaml = "title: t\nid: 5b2f7c4e-2c1a-4a57-9b1e-000000000001\nlogsource:\n  product: test\n"
                + "detection:\n" + detection.indent(2);
        var result = new SigmaParser().parse(yaml).get(0);
        assertThat(result).isInstanceOf(SigmaResult.Rule.class);
        return ((SigmaResult.Rule) result).rule();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void plainValueIsCaseInsensitiveTerm() {
        assertThat(query("sel:\n  Image: 'C:\\Windows\\cmd.exe'\ncondition: sel")).isEqualTo(json(
                "{'term':{'Image':{'value':'C:\\\\Windows\\\\cmd.exe','case_insensitive':true}}}"));
    }

    @Test
    void casedModifierDropsCaseInsensitivity() {
        assertThat(query("sel:\n  Image|cased: Cmd.exe\ncondition: sel"))
                .isEqualTo(json("{'term':{'Image':{'value':'Cmd.exe'}}}"));
    }

    @Test
    void containsStartsEndsAreEscapedWildcards() {
        assertThat(query("sel:\n  CommandLine|contains: 'a\\*b\\?'\ncondition: sel").at("/wildcard/CommandLine/value")
                .asText()).isEqualTo("*a\\*b\\?*");
        assertThat(query("sel:\n  CommandLine|startswith: 'x\\y'\ncondition: sel").at("/wildcard/CommandLine/value")
                .asText()).isEqualTo("x\\\\y*");
        assertThat(query("sel:\n  Image|endswith: '\\cmd.exe'\ncondition: sel")).isEqualTo(json(
                "{'wildcard':{'Image':{'value':'*\\\\\\\\cmd.exe','case_insensitive':true}}}"));
    }

    @Test
    void innerWildcardsStayWildcards() {
        // In Sigma \* escapes the star; before other characters a backslash is literal.
        JsonNode q = query("sel:\n  Image: 'C:\\Win*\\x?.exe'\ncondition: sel");
        assertThat(q.at("/wildcard/Image/value").asText()).isEqualTo("C:\\\\Win*\\\\x?.exe");
        assertThat(q.at("/wildcard/Image/case_insensitive").asBoolean()).isTrue();
    }

    @Test
    void valueListIsShouldAndAllModifierIsFilter() {
        JsonNode any = query("sel:\n  Image:\n    - a\n    - b\ncondition: sel");
        assertThat(any.at("/bool/should")).hasSize(2);
        assertThat(any.at("/bool/minimum_should_match").asInt()).isEqualTo(1);
        JsonNode all = query("sel:\n  CommandLine|contains|all:\n    - a\n    - b\ncondition: sel");
        assertThat(all.at("/bool/filter")).hasSize(2);
    }

    @Test
    void longValueListsBecomeRegexpAlternations() {
        String values = IntStream.range(0, 40).mapToObj(i -> "    - 'v" + i + ".x'").collect(Collectors.joining("\n"));
        JsonNode q = query("sel:\n  CommandLine|contains:\n" + values + "\ncondition: sel");
        assertThat(q.at("/regexp/CommandLine/value").asText()).startsWith(".*(v0\\.x|v1\\.x|").endsWith(").*");
        assertThat(q.at("/regexp/CommandLine/case_insensitive").asBoolean()).isTrue();
    }

    @Test
    void regexIsAnchoredForLucene() {
        JsonNode q = query("sel:\n  CommandLine|re: '^a\\d+\"b'\ncondition: sel");
        assertThat(q.at("/regexp/CommandLine/value").asText()).isEqualTo("(a[0-9]+\\\"b).*");
        assertThat(q.at("/regexp/CommandLine/case_insensitive").isMissingNode()).isTrue();
        assertThat(query("sel:\n  CommandLine|re|i: 'x'\ncondition: sel").at("/regexp/CommandLine/case_insensitive")
                .asBoolean()).isTrue();
    }

    @Test
    void numbersUseTheFieldType() {
        assertThat(query("sel:\n  count: 5\ncondition: sel")).isEqualTo(json("{'term':{'count':{'value':'5'}}}"));
        assertThat(query("sel:\n  count|gte: 5\ncondition: sel")).isEqualTo(json("{'range':{'count':{'gte':'5'}}}"));
        assertThat(query("sel:\n  Image: 5\ncondition: sel"))
                .isEqualTo(json("{'term':{'Image':{'value':'5','case_insensitive':true}}}"));
        assertThatThrownBy(() -> query("sel:\n  Image|lt: 5\ncondition: sel"))
                .isInstanceOf(QueryTranslationException.class).hasMessageContaining("compare-on-keyword");
    }

    @Test
    void cidrNeedsAnIpField() {
        assertThat(query("sel:\n  source.ip|cidr: 10.0.0.0/8\ncondition: sel"))
                .isEqualTo(json("{'term':{'source.ip':{'value':'10.0.0.0/8'}}}"));
        assertThatThrownBy(() -> query("sel:\n  DestinationIp|cidr: 10.0.0.0/8\ncondition: sel"))
                .isInstanceOf(QueryTranslationException.class)
                .extracting(e -> ((QueryTranslationException) e).feature()).isEqualTo("cidr-on-keyword");
    }

    @Test
    void nullAndExists() {
        assertThat(query("sel:\n  Image: null\ncondition: sel"))
                .isEqualTo(json("{'bool':{'must_not':[{'exists':{'field':'Image'}}]}}"));
        assertThat(query("sel:\n  Image|exists: true\ncondition: sel"))
                .isEqualTo(json("{'exists':{'field':'Image'}}"));
        assertThat(query("sel:\n  Image|exists: false\ncondition: sel"))
                .isEqualTo(json("{'bool':{'must_not':[{'exists':{'field':'Image'}}]}}"));
    }

    @Test
    void conditionsMapToBool() {
        JsonNode q = query("a:\n  Image: x\nb:\n  Image: y\ncondition: a and not b");
        assertThat(q.at("/bool/filter/0/term/Image/value").asText()).isEqualTo("x");
        assertThat(q.at("/bool/filter/1/bool/must_not/0/term/Image/value").asText()).isEqualTo("y");
        assertThat(query("s1:\n  Image: x\ns2:\n  Image: y\ncondition: 1 of s*").at("/bool/should")).hasSize(2);
        assertThat(query("s1:\n  Image: x\ns2:\n  Image: y\ncondition: all of s*").at("/bool/filter")).hasSize(2);
    }

    @Test
    void keywordsSpreadOverStringFieldsOnly() {
        JsonNode q = query("kw:\n  - evil\ncondition: kw");
        assertThat(q.at("/bool/should").findValuesAsText("value")).containsOnly("*evil*");
        assertThat(q.at("/bool/should").findParents("wildcard")).hasSize(6);
        assertThat(q.toString()).doesNotContain("message").contains("requestParameters");
    }

    @Test
    void flatObjectLeavesAreQueriedByPath() {
        assertThat(query("sel:\n  requestParameters.userName: bob\ncondition: sel")).isEqualTo(
                json("{'term':{'requestParameters.userName':{'value':'bob','case_insensitive':true}}}"));
    }

    @Test
    void fieldrefIsAPainlessScript() {
        JsonNode q = query("sel:\n  userIdentity.arn|fieldref|endswith: requestParameters.userName\ncondition: sel");
        assertThat(q.at("/script/script/params/a").asText()).isEqualTo("userIdentity.arn");
        assertThat(q.at("/script/script/params/rb").asText()).isEqualTo("requestParameters");
        assertThat(q.at("/script/script/params/op").asText()).isEqualTo("ENDS_WITH");
        assertThat(q.at("/script/script/params/ci").asBoolean()).isTrue();
    }

    @Test
    void refusesWhatTheIndexCannotAnswer() {
        assertThatThrownBy(() -> query("sel:\n  userIdentity|contains: x\ncondition: sel"))
                .hasMessageContaining("value-on-object");
        assertThatThrownBy(() -> query("sel:\n  message|contains: x\ncondition: sel"))
                .hasMessageContaining("string-on-text");
        assertThatThrownBy(() -> query("sel:\n  CommandLine|re: '\\bx'\ncondition: sel"))
                .hasMessageContaining("re:escape-b");
        assertThatThrownBy(() -> query("sel:\n  CommandLine|hour: 3\ncondition: sel"))
                .hasMessageContaining("time-part");
    }

    @Test
    void unmappedFieldsSelectNothingWithoutError() {
        assertThat(query("sel:\n  Nope|gt: 3\ncondition: sel")).isEqualTo(json("{'match_none':{}}"));
    }

    @Test
    void tooManyClausesIsRefused() {
        String values = IntStream.range(0, 1100).mapToObj(i -> "  - Image: 'v" + i + "'\n    count: " + i)
                .collect(Collectors.joining("\n"));
        assertThatThrownBy(() -> query("sel:\n" + values + "\ncondition: sel"))
                .hasMessageContaining("query:too-many-clauses");
    }
}
