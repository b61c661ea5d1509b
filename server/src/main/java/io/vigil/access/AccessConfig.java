package io.vigil.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How data scopes apply to users whose token names none. */
@ConfigMapping(prefix = "vigil.access")
public interface AccessConfig {

    /** What a user sees when their token carries no {@code vigil_scopes} claim. */
    enum Unscoped {
        /** every source (a single-team installation, the demo's unscoped users) */
        ALL,
        /** no source at all until a scope is given: for installations where every user is scoped */
        NONE
    }

    /** What users without a scope claim may read: {@code all} sources (default) or {@code none}. */
    @WithDefault("all")
    Unscoped unscoped();
}
