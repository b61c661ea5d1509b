package io.vigil.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.detect.match.JsonEventFields;
import io.vigil.detect.match.RuleMatcher;

class SigmaFiltersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SigmaParser PARSER = new SigmaParser();

    private static final String RAR_ID = "6f3e2987-db24-4c78-a860-b4f4095a7095";
    private static final String RAR_RULE = """
            title: Data Compressed - rar.exe
            id: 6f3e2987-db24-4c78-a860-b4f4095a7095
            status: test
            level: low
            logsource:
                category: process_creation
                product: windows
            detection:
                selection:
                    Image|endswith: '\\rar.exe'
                condition: selection
            """;

    private static final String ADMIN_FILTER = """
            title: Admins may compress
            id: 0c1a2b3c-0000-4000-8000-000000000001
            logsource:
                category: process_creation
                product: windows
            filter:
                rules:
                    - 6f3e2987-db24-4c78-a860-b4f4095a7095
                selection:
                    User|startswith: 'adm_'
                condition: not selection
            """;

    private static final String RAR_BY_ADMIN = """
            {"Image": "C:\\\\Windows\\\\rar.exe", "User": "adm_alice"}""";
    private static final String RAR_BY_USER = """
            {"Image": "C:\\\\Windows\\\\rar.exe", "User": "bob"}""";

    @Test
    void filterSuppressesMatchesOfTheRuleItNames() {
        SigmaRule rule = rule(RAR_RULE);
        SigmaFilters.Filtered filtered = new SigmaFilters(List.of(filter(ADMIN_FILTER))).apply(rule);

        assertThat(matches(rule, RAR_BY_ADMIN)).isTrue();
        assertThat(matches(filtered.rule(), RAR_BY_ADMIN)).isFalse();
        assertThat(matches(filtered.rule(), RAR_BY_USER)).isTrue();
        assertThat(filtered.filterIds()).containsExactly("0c1a2b3c-0000-4000-8000-000000000001");
        assertThat(filtered.rule().yaml()).isEqualTo(rule.yaml());
        assertThat(filtered.rule().id()).isEqualTo(rule.id());
        assertThat(filtered.rule().level()).isEqualTo("low");
        assertThat(filtered.rule().detection().condition()).isEqualTo(new Condition.And(List.of(
                new Condition.Ref("selection"), new Condition.Not(new Condition.Ref("filter1:selection")))));
        assertThat(filtered.rule().detection().searches()).containsOnlyKeys("selection", "filter1:selection");
    }

    @Test
    void ruleIdsCompareIgnoringCase() {
        SigmaFilter upper = filter(ADMIN_FILTER.replace(RAR_ID, RAR_ID.toUpperCase()));
        SigmaFilters.Filtered filtered = new SigmaFilters(List.of(upper)).apply(rule(RAR_RULE));
        assertThat(filtered.filters()).containsExactly(upper);
        assertThat(SigmaFilters.applies(upper, rule(RAR_RULE))).isTrue();
    }

    @Test
    void otherRulesAreReturnedUnchanged() {
        SigmaRule other = rule(RAR_RULE.replace(RAR_ID, "11111111-0000-4000-8000-000000000000"));
        SigmaFilters.Filtered filtered = new SigmaFilters(List.of(filter(ADMIN_FILTER))).apply(other);
        assertThat(filtered.rule()).isSameAs(other);
        assertThat(filtered.filters()).isEmpty();
        assertThat(filtered.filterIds()).isEmpty();
        assertThat(matches(filtered.rule(), RAR_BY_ADMIN)).isTrue();
    }

    @Test
    void ruleWithoutIdIsNeverFiltered() {
        SigmaRule anonymous = rule(RAR_RULE.replace("id: " + RAR_ID + "\n", ""));
        assertThat(anonymous.id()).isNull();
        assertThat(new SigmaFilters(List.of(filter(ADMIN_FILTER))).apply(anonymous).rule()).isSameAs(anonymous);
    }

    @Test
    void filterLogsourceMustCoverTheRules() {
        SigmaRule rule = rule(RAR_RULE);
        String logsource = """
                    category: process_creation
                    product: windows
                """;
        SigmaFilter linux = filter(ADMIN_FILTER.replace(logsource, "    product: linux\n"));
        SigmaFilter service = filter(ADMIN_FILTER.replace(logsource, logsource + "    service: sysmon\n"));
        SigmaFilter productOnly = filter(ADMIN_FILTER.replace(logsource, "    product: Windows\n"));
        SigmaFilter definitionDiffers = filter(ADMIN_FILTER.replace(logsource,
                logsource + "    definition: Sysmon with process creation enabled\n"));

        assertThat(new SigmaFilters(List.of(linux)).apply(rule).rule()).isSameAs(rule);
        assertThat(SigmaFilters.applies(linux, rule)).isFalse();
        // the rule states no service, so a filter for one service does not cover it
        assertThat(new SigmaFilters(List.of(service)).apply(rule).filters()).isEmpty();
        // fewer keys cover more, and values compare ignoring case
        assertThat(new SigmaFilters(List.of(productOnly)).apply(rule).filters()).containsExactly(productOnly);
        assertThat(new SigmaFilters(List.of(definitionDiffers)).apply(rule).filters())
                .containsExactly(definitionDiffers);
    }

    @Test
    void twoFiltersOnOneRuleBothApplyInOrder() {
        SigmaFilter admins = filter(ADMIN_FILTER);
        SigmaFilter backup = filter("""
                title: Backup jobs compress
                id: 0c1a2b3c-0000-4000-8000-000000000002
                logsource:
                    product: windows
                filter:
                    rules:
                        - 6f3e2987-db24-4c78-a860-b4f4095a7095
                        - 6f3e2987-db24-4c78-a860-b4f4095a7095
                    sel_parent:
                        ParentImage|endswith: '\\backup.exe'
                    sel_cmd:
                        CommandLine|contains: 'nightly'
                    condition: not 1 of sel_*
                """);
        SigmaFilters.Filtered filtered = new SigmaFilters(List.of(admins, backup)).apply(rule(RAR_RULE));

        assertThat(filtered.filterIds()).containsExactly("0c1a2b3c-0000-4000-8000-000000000001",
                "0c1a2b3c-0000-4000-8000-000000000002");
        assertThat(filtered.rule().detection().searches()).containsOnlyKeys("selection", "filter1:selection",
                "filter2:sel_parent", "filter2:sel_cmd");
        assertThat(filtered.rule().detection().condition()).isInstanceOfSatisfying(Condition.And.class,
                and -> assertThat(and.operands()).hasSize(3));

        SigmaRule rule = filtered.rule();
        assertThat(matches(rule, RAR_BY_USER)).isTrue();
        assertThat(matches(rule, RAR_BY_ADMIN)).isFalse();
        assertThat(matches(rule, """
                {"Image": "C:\\\\rar.exe", "User": "bob", "ParentImage": "C:\\\\backup.exe"}""")).isFalse();
        assertThat(matches(rule, """
                {"Image": "C:\\\\rar.exe", "User": "bob", "CommandLine": "rar a nightly.rar"}""")).isFalse();
        assertThat(matches(rule, """
                {"Image": "C:\\\\rar.exe", "User": "bob", "CommandLine": "rar a loot.rar"}""")).isTrue();
    }

    @Test
    void filterSearchNamesNeverClashWithTheRules() {
        // The rule already uses the name the first filter's search would get.
        SigmaRule rule = rule("""
                title: Clashing names
                id: 22222222-0000-4000-8000-000000000000
                logsource:
                    product: windows
                detection:
                    selection:
                        Image|endswith: '\\rar.exe'
                    'filter1:selection':
                        User: 'bob'
                    condition: selection and not filter1:selection
                """);
        SigmaFilter filter = filter("""
                title: Not admins
                logsource:
                    product: windows
                filter:
                    rules:
                        - 22222222-0000-4000-8000-000000000000
                    selection:
                        User|startswith: 'adm_'
                    condition: not selection
                """);
        SigmaFilters.Filtered filtered = new SigmaFilters(List.of(filter)).apply(rule);

        assertThat(filtered.rule().detection().searches()).containsOnlyKeys("selection", "filter1:selection",
                "filter1#2:selection");
        // the filter has no id: it is shown by title
        assertThat(filtered.filterIds()).containsExactly("Not admins");
        // the rule's own searches keep their meaning: bob is still excluded, carol still matches
        assertThat(matches(filtered.rule(), RAR_BY_USER)).isFalse();
        assertThat(matches(filtered.rule(), RAR_BY_ADMIN)).isFalse();
        assertThat(matches(filtered.rule(), """
                {"Image": "C:\\\\rar.exe", "User": "carol"}""")).isTrue();
    }

    /** The example of the filters specification v2.1, verbatim (public domain). */
    private static final String SPEC_EXAMPLE = """
            title: Filter Administrator account
            description: The valid administrator account start with adm_
            logsource:
                category: process_creation
                product: windows
            filter:
                rules:
                    - 6f3e2987-db24-4c78-a860-b4f4095a7095 # Data Compressed - rar.exe
                    - df0841c0-9846-4e9f-ad8a-7df91571771b # Login on jump host
                selection:
                    User|startswith: 'adm_'
                condition: selection
            """;

    @Test
    void specificationExample() {
        SigmaResult parsed = PARSER.parseOne(SPEC_EXAMPLE);
        assertThat(parsed).isInstanceOf(SigmaResult.Filter.class);
        SigmaFilter example = ((SigmaResult.Filter) parsed).filter();
        assertThat(example.rules()).containsExactly(RAR_ID, "df0841c0-9846-4e9f-ad8a-7df91571771b");

        SigmaRule jumpHostLogin = rule("""
                title: Login on jump host
                id: df0841c0-9846-4e9f-ad8a-7df91571771b
                logsource:
                    product: windows
                    service: security
                detection:
                    selection:
                        EventID: 4624
                        WorkstationName|startswith: 'JUMP'
                    condition: selection
                """);
        var filters = new SigmaFilters(List.of(example));
        SigmaFilters.Filtered rar = filters.apply(rule(RAR_RULE));
        SigmaFilters.Filtered login = filters.apply(jumpHostLogin);

        assertThat(rar.filterIds()).containsExactly("Filter Administrator account");
        // The example's condition is 'selection', and the filter condition is and-ed with the rule's, so
        // taken as written it keeps the adm_ accounts' matches and drops the others (its description
        // suggests it meant 'not selection'; see filterSuppressesMatchesOfTheRuleItNames).
        assertThat(matches(rar.rule(), RAR_BY_ADMIN)).isTrue();
        assertThat(matches(rar.rule(), RAR_BY_USER)).isFalse();
        assertThat(matches(rar.rule(), """
                {"Image": "C:\\\\rar.exe"}""")).isFalse();

        // Named, but the filter states category process_creation, which the logon rule does not.
        assertThat(login.rule()).isSameAs(jumpHostLogin);
        assertThat(login.filters()).isEmpty();
    }

    private static SigmaRule rule(String yaml) {
        SigmaResult result = PARSER.parseOne(yaml);
        assertThat(result).as("compiles: %s", result).isInstanceOf(SigmaResult.Rule.class);
        return ((SigmaResult.Rule) result).rule();
    }

    private static SigmaFilter filter(String yaml) {
        SigmaResult result = PARSER.parseOne(yaml);
        assertThat(result).as("compiles: %s", result).isInstanceOf(SigmaResult.Filter.class);
        return ((SigmaResult.Filter) result).filter();
    }

    private static boolean matches(SigmaRule rule, String json) {
        try {
            return RuleMatcher.of(rule).matches(new JsonEventFields(JSON.readTree(json)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
