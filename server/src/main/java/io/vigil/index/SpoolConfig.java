package io.vigil.index;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where batches wait while OpenSearch is unavailable, and how much may wait. */
@ConfigMapping(prefix = "vigil.spool")
public interface SpoolConfig {

    /** Folder on local disk (one per server instance; give it a persistent volume in containers). */
    @WithDefault("spool")
    String dir();

    /** Beyond this, intake answers 503 with Retry-After instead of acknowledging. */
    @WithDefault("1G")
    MemorySize maxSize();
}
