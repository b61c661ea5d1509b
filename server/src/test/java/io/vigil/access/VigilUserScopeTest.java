package io.vigil.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class VigilUserScopeTest {

    @Test
    void noClaimMeansEverySourceAndAClaimListsThem() {
        assertThat(VigilUser.scope(null)).isEmpty();
        assertThat(VigilUser.scope(List.of("\"aws-prod\"", "syslog"))).isEqualTo(Optional.of(Set.of("aws-prod",
                "syslog")));
        assertThat(VigilUser.scope("aws-prod, syslog")).isEqualTo(Optional.of(Set.of("aws-prod", "syslog")));
        assertThat(VigilUser.scope("")).isEqualTo(Optional.of(Set.of()));
    }
}
