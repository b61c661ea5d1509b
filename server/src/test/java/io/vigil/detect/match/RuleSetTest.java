package io.vigil.detect.match;

import static io.vigil.detect.match.TestRules.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.vigil.detect.sigma.SigmaParser;
import io.vigil.detect.sigma.SigmaResult;
import io.vigil.detect.sigma.SigmaRule;

class RuleSetTest {

    private static final EventContext CLOUDTRAIL = new EventContext("aws", "cloudtrail", null);
    private static final EventContext SECURITY = new EventContext("windows", "security", null);
    private static final EventContext PROCESS = new EventContext("windows", "sysmon", "process_creation");

    static SigmaRule sigma(String logsource, String detection) {
        String yaml = "title: t\nid: 00000000-0000-4000-8000-000000000001\nlogsource:\n" + logsource
                + "detection:\n" + detection;
        SigmaResult result = new SigmaParser().parseOne(yaml);
        assertThat(result).as("compiles: %s", result).isInstanceOf(SigmaResult.Rule.class);
        return ((SigmaResult.Rule) result).rule();
    }

    private static final List<RuleSet.Entry> RULES = List.of(
            new RuleSet.Entry("console-login", sigma("    product: aws\n    service: cloudtrail\n", """
                        sel:
                            eventSource: signin.amazonaws.com
                            eventName: ConsoleLogin
                        condition: sel
                    """)),
            new RuleSet.Entry("logon", sigma("    product: windows\n    service: security\n", """
                        sel:
                            EventID:
                                - 4624
                                - 4625
                            LogonType: 10
                        condition: sel
                    """)),
            new RuleSet.Entry("any-product", sigma("    product: windows\n", """
                        sel:
                            EventID: 4625
                        condition: sel
                    """)),
            new RuleSet.Entry("no-logsource-keyword", sigma("    definition: none\n", """
                        keywords:
                            - mimikatz
                        condition: keywords
                    """)),
            new RuleSet.Entry("certutil", sigma("    product: windows\n    category: process_creation\n", """
                        img:
                            - Image|endswith: '\\certutil.exe'
                            - OriginalFileName: CertUtil.exe
                        cmd:
                            CommandLine|contains: 'urlcache'
                        condition: img and cmd
                    """)),
            new RuleSet.Entry("not-system", sigma("    product: windows\n    category: process_creation\n", """
                        sel:
                            Image|endswith: '\\svchost.exe'
                        filter:
                            ParentImage: 'C:\\Windows\\System32\\services.exe'
                        condition: sel and not filter
                    """)),
            new RuleSet.Entry("emoji", sigma("    product: windows\n    category: process_creation\n", """
                        sel:
                            CommandLine|contains:
                                - '\ud83d\udd25'
                                - '\u2620'
                        condition: sel
                    """)),
            new RuleSet.Entry("hash", sigma("    product: windows\n    category: process_creation\n", """
                        sel:
                            Hashes|contains:
                                - 'MD5=0123456789ABCDEF0123456789ABCDEF'
                                - 'IMPHASH=FEDCBA9876543210FEDCBA9876543210'
                        condition: sel
                    """)),
            new RuleSet.Entry("neq", sigma("    product: windows\n    category: process_creation\n", """
                        sel:
                            User|neq: SYSTEM
                        condition: sel
                    """)));

    private static final RuleSet SET = RuleSet.of(RULES);

    @Test
    void logsourceMustFitEveryStatedPart() {
        SigmaRule.LogSource process = new SigmaRule.LogSource("windows", "process_creation", null, null);
        assertThat(PROCESS.admits(process)).isTrue();
        assertThat(new EventContext("Windows", "", "process_creation").admits(process)).isTrue();
        assertThat(SECURITY.admits(process)).isFalse();
        assertThat(EventContext.NONE.admits(new SigmaRule.LogSource(null, null, null, "any"))).isTrue();
        assertThat(EventContext.NONE.admits(process)).isFalse();
    }

    @Test
    void eventsOnlySeeRulesOfTheirLogsource() {
        String login = "{\"eventSource\":\"signin.amazonaws.com\",\"eventName\":\"ConsoleLogin\"}";
        assertThat(SET.matching(event(login), CLOUDTRAIL)).containsExactly("console-login");
        assertThat(SET.matching(event(login), SECURITY)).isEmpty();
        assertThat(SET.matching(event(login), new EventContext("aws", null, null))).isEmpty();
    }

    @Test
    void numbersMatchWhateverTheirJsonShape() {
        for (String id : List.of("4625", "\"4625\"", "4625.0", "[4000, 4625]")) {
            assertThat(SET.matching(event("{\"EventID\":" + id + ",\"LogonType\":10}"), SECURITY)).as(id)
                    .containsExactly("logon", "any-product");
        }
        assertThat(SET.matching(event("{\"EventID\":4624,\"LogonType\":\"10\"}"), SECURITY)).containsExactly("logon");
        assertThat(SET.matching(event("{\"EventID\":4634,\"LogonType\":10}"), SECURITY)).isEmpty();
    }

    @Test
    void foldingKeepsWhatTheMatcherCallsEqual() {
        // 'ſ' (long s) equals 's' for regionMatches(ignoreCase), so the index must not lose it
        String odd = "{\"eventSource\":\"SIGNIN.AMAZONAWS.COM\",\"eventName\":\"conſolelogin\"}";
        assertThat(RuleMatcher.of(RULES.get(0).rule()).matches(event(odd))).isTrue();
        assertThat(SET.matching(event(odd), CLOUDTRAIL)).containsExactly("console-login");
    }

    @Test
    void alternativesOnDifferentFieldsAreAllIndexed() {
        String byName = "{\"Image\":\"C:\\\\x\\\\CERTUTIL.EXE\",\"CommandLine\":\"certutil -URLCache -f http://x\","
                + "\"User\":\"SYSTEM\"}";
        String byOriginal = "{\"Image\":\"C:\\\\x\\\\renamed.exe\",\"OriginalFileName\":\"certutil.exe\","
                + "\"CommandLine\":\"x -urlcache\",\"User\":\"SYSTEM\"}";
        assertThat(SET.matching(event(byName), PROCESS)).containsExactly("certutil");
        assertThat(SET.matching(event(byOriginal), PROCESS)).containsExactly("certutil");
    }

    @Test
    void negatedRulesAreAlwaysCheckedAndKeywordsIndexed() {
        String svchost = "{\"Image\":\"C:\\\\Windows\\\\svchost.exe\",\"ParentImage\":\"C:\\\\evil.exe\","
                + "\"User\":\"bob\",\"note\":\"mimikatz\"}";
        assertThat(SET.matching(event(svchost), PROCESS)).containsExactly("no-logsource-keyword", "not-system", "neq");
        assertThat(SET.describe(PROCESS)).isEqualTo("7 rules, 1 always checked, 5 index fields");
    }

    @Test
    void shortSymbolsAndLongHashesAreFound() {
        assertThat(SET.matching(event("{\"CommandLine\":\"echo \u2620 \ud83d\udd25\",\"User\":\"SYSTEM\"}"), PROCESS))
                .containsExactly("emoji");
        assertThat(SET.matching(event("{\"Hashes\":\"SHA1=00,md5=0123456789abcdef0123456789abcdef,X=1\","
                + "\"User\":\"SYSTEM\"}"), PROCESS)).containsExactly("hash");
        assertThat(SET.matching(event("{\"Hashes\":\"md5=0123456789abcdef0123456789abcde0\",\"User\":\"SYSTEM\"}"),
                PROCESS)).isEmpty();
    }

    @Test
    void callbackFormReportsTheSameKeys() {
        List<String> seen = new ArrayList<>();
        SET.forEachMatch(event("{\"EventID\":4625,\"LogonType\":10}"), SECURITY, seen::add);
        assertThat(seen).containsExactly("logon", "any-product");
    }
}
