package io.vigil.detect.match;

import static io.vigil.detect.match.RuleSetTest.sigma;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class RequiredAtomsTest {

    private static Set<Atom> atoms(String detection) {
        return RequiredAtoms.of(sigma("    product: test\n", detection).detection());
    }

    @Test
    void andTakesTheCheapestNecessaryPart() {
        assertThat(atoms("""
                    sel:
                        eventSource: iam.amazonaws.com
                        eventName:
                            - CreateUser
                            - CreateAccessKey
                    other:
                        userAgent|contains: 'console'
                    condition: sel and other
                """)).containsExactly(new Atom.Equals("eventSource", "iam.amazonaws.com"));
    }

    @Test
    void orNeedsEveryAlternative() {
        assertThat(atoms("""
                    a:
                        Image|endswith: '\\whoami.exe'
                    b:
                        OriginalFileName: 'whoami.exe'
                    condition: a or b
                """)).containsExactlyInAnyOrder(new Atom.Contains("Image", "\\whoami.exe"),
                new Atom.Equals("OriginalFileName", "whoami.exe"));
        assertThat(atoms("""
                    a:
                        Image|endswith: '\\whoami.exe'
                    b:
                        CommandLine|re: 'w.o.mi'
                    condition: 1 of them
                """)).isNull();
    }

    @Test
    void regexesGiveTheirRequiredTexts() {
        assertThat(atoms("    sel:\n        userIdentity.arn|re: '.+:assumed-role/aws:.+'\n    condition: sel\n"))
                .containsExactly(new Atom.Contains("userIdentity.arn", ":assumed-role/aws:"));
        assertThat(atoms("    sel:\n        CommandLine|re|i: 'Invoke-(Mimikatz|Kerberoast)|sekurlsa::'\n"
                + "    condition: sel\n")).containsExactlyInAnyOrder(new Atom.Contains("CommandLine", "invoke-"),
                        new Atom.Contains("CommandLine", "sekurlsa::"));
    }

    @Test
    void negationsRegexesWithoutTextsAndShortTextsGiveNothing() {
        assertThat(atoms("    sel:\n        EventID: 1\n    condition: not sel\n")).isNull();
        assertThat(atoms("    sel:\n        CommandLine|re: 'a.*b'\n    condition: sel\n")).isNull();
        assertThat(atoms("    sel:\n        Image: '*\\c*x'\n    condition: sel\n")).isNull();
        assertThat(atoms("    sel:\n        CommandLine|contains: '/c'\n    condition: sel\n")).isNull();
        assertThat(atoms("    sel:\n        User|neq: SYSTEM\n    condition: sel\n")).isNull();
        assertThat(atoms("    sel:\n        User: null\n    condition: sel\n")).isNull();
    }

    @Test
    void wildcardsGiveTheirLongestLiteralAndKeywordsTheAnyStringField() {
        assertThat(atoms("    sel:\n        Image: '*\\cmd*.exe'\n    condition: sel\n"))
                .containsExactly(new Atom.Contains("Image", "\\cmd"));
        assertThat(atoms("    kw:\n        - 'Mimikatz'\n        - 'sekurlsa::'\n    condition: kw\n"))
                .containsExactly(new Atom.Contains(Atom.ANY_STRING, "mimikatz"),
                        new Atom.Contains(Atom.ANY_STRING, "sekurlsa::"));
    }

    @Test
    void shortNonAsciiTextsAreIndexedButNotCasedSupplementaryLetters() {
        assertThat(atoms("    sel:\n        CommandLine|contains: '\ud83d\ude00'\n    condition: sel\n")).isNotNull();
        assertThat(GramIndex.indexable("\uD801\uDC28abc")).as("Deseret small letter").isFalse();
    }

    @Test
    void numbersGiveTextAndCanonicalKeys() {
        assertThat(atoms("    sel:\n        EventID: 4.6240E3\n    condition: sel\n")).isNotNull()
                .contains(new Atom.Equals("EventID", "4624"));
    }
}
