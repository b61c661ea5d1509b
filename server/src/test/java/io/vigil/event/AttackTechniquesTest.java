package io.vigil.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vigil.event.AttackTechniques.AttackTag;

class AttackTechniquesTest {

    private static AttackTag attack(String tag) {
        return AttackTechniques.of(tag).orElseThrow();
    }

    @Test
    void techniqueHasItsNameAndPage() {
        assertThat(attack("attack.t1580")).isEqualTo(new AttackTag("attack.t1580", "T1580",
                "Cloud Infrastructure Discovery", "https://attack.mitre.org/techniques/T1580/"));
        assertThat(AttackTechniques.label("attack.t1580")).isEqualTo("T1580 Cloud Infrastructure Discovery");
    }

    @Test
    void subTechniqueIsNamedWithItsParent() {
        AttackTag powershell = attack("attack.t1059.001");
        assertThat(powershell.id()).isEqualTo("T1059.001");
        assertThat(powershell.name()).isEqualTo("Command and Scripting Interpreter: PowerShell");
        assertThat(powershell.url()).isEqualTo("https://attack.mitre.org/techniques/T1059/001/");
        assertThat(AttackTechniques.label("attack.t1059.001")).startsWith("T1059.001 ").contains("PowerShell");
    }

    @Test
    void tacticIsFoundByShortnameInEitherSpelling() {
        var initialAccess = new AttackTag("attack.initial_access", "TA0001", "Initial Access",
                "https://attack.mitre.org/tactics/TA0001/");
        assertThat(attack("attack.initial_access")).isEqualTo(initialAccess);
        assertThat(attack("attack.initial-access").id()).isEqualTo("TA0001");
        assertThat(AttackTechniques.label("attack.initial-access")).isEqualTo("TA0001 Initial Access");
        assertThat(attack("attack.defense-evasion").name()).isEqualTo("Defense Evasion");
        assertThat(attack("attack.command_and_control").id()).isEqualTo("TA0011");
    }

    @Test
    void groupAndSoftware() {
        assertThat(attack("attack.g0016")).isEqualTo(new AttackTag("attack.g0016", "G0016", "APT29",
                "https://attack.mitre.org/groups/G0016/"));
        assertThat(attack("attack.s0002")).isEqualTo(new AttackTag("attack.s0002", "S0002", "Mimikatz",
                "https://attack.mitre.org/software/S0002/"));
        assertThat(AttackTechniques.label("attack.s0002")).isEqualTo("S0002 Mimikatz");
    }

    @Test
    void unknownTechniqueIsStillRecognised() {
        assertThat(attack("attack.t9999")).isEqualTo(new AttackTag("attack.t9999", "T9999", "",
                "https://attack.mitre.org/techniques/T9999/"));
        assertThat(AttackTechniques.label("attack.t9999")).isEqualTo("attack.t9999");
    }

    @Test
    void otherAttackTagKeepsItsRest() {
        assertThat(attack("attack.car.2016-04-005"))
                .isEqualTo(new AttackTag("attack.car.2016-04-005", "car.2016-04-005", "", null));
        assertThat(AttackTechniques.label("attack.car.2016-04-005")).isEqualTo("attack.car.2016-04-005");
    }

    @Test
    void nonAttackTagIsNotRead() {
        assertThat(AttackTechniques.of("cve.2021-44228")).isEmpty();
        assertThat(AttackTechniques.of("detection.threat-hunting")).isEmpty();
        assertThat(AttackTechniques.label("cve.2021-44228")).isEqualTo("cve.2021-44228");
    }

    @Test
    void prefixAndIdIgnoreCase() {
        assertThat(attack("ATTACK.T1580").id()).isEqualTo("T1580");
        assertThat(AttackTechniques.label("ATTACK.T1580")).isEqualTo("T1580 Cloud Infrastructure Discovery");
        assertThat(attack("Attack.Initial_Access").id()).isEqualTo("TA0001");
    }
}
