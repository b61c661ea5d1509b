package io.vigil.ingest.source;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.vigil.index.IndexRetention;
import io.vigil.ops.DependencySetup;

/**
 * Applies each source's retention to the store on a schedule ({@code vigil.retention.every}, hourly by
 * default): the sources say how long they keep events, {@link IndexRetention} deletes the indices.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private final SourceService sources;
    private final IndexRetention retention;

    RetentionJob(SourceService sources, IndexRetention retention) {
        this.sources = sources;
        this.retention = retention;
    }

    @Scheduled(every = "${vigil.retention.every:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warnf("Retention did not run, will try at the next interval: %s", DependencySetup.rootMessage(e));
        }
    }

    /** Deletes what is past retention now; returns the deleted index names. */
    public List<String> run() {
        Map<String, Integer> days = sources.list().stream()
                .collect(Collectors.toMap(SourceView::name, SourceView::retentionDays));
        return retention.apply(days);
    }
}
