package io.vigil.ingest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.vigil.index.EventIndexCatalog;
import io.vigil.index.EventIndexCatalog.DailyIndex;
import io.vigil.ingest.source.SourceService;
import io.vigil.ingest.source.SourceView;
import io.vigil.ops.DependencySetup;

/**
 * Retention: deletes whole daily events indices older than their source's retention, and daily
 * findings indices older than the findings retention (counted from the day they were found), on a
 * schedule, and logs each deletion. Indices of a source that no longer exists follow the default
 * retention. Running on several replicas at once is harmless: deleting is idempotent.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private final SourceService sources;
    private final EventIndexCatalog catalog;
    private final int defaultRetentionDays;
    private final int findingsRetentionDays;

    RetentionJob(SourceService sources, EventIndexCatalog catalog,
            @ConfigProperty(name = "vigil.retention.default-days", defaultValue = "90") int defaultRetentionDays,
            @ConfigProperty(name = "vigil.retention.findings-days", defaultValue = "365") int findingsRetentionDays) {
        this.sources = sources;
        this.catalog = catalog;
        this.defaultRetentionDays = defaultRetentionDays;
        this.findingsRetentionDays = findingsRetentionDays;
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
        Map<String, Integer> retention = sources.list().stream()
                .collect(Collectors.toMap(SourceView::name, SourceView::retentionDays));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<String> deleted = new ArrayList<>();
        for (DailyIndex index : catalog.dailyIndices()) {
            int days = retention.getOrDefault(index.source(), defaultRetentionDays);
            // an index holds a whole day: it goes once its last moment is older than the retention
            if (index.day().isBefore(today.minusDays(days))) {
                catalog.delete(index.name());
                deleted.add(index.name());
                LOG.infof("Retention: deleted %s (source %s keeps %d days)", index.name(), index.source(), days);
            }
        }
        for (var index : catalog.findingsIndices()) {
            if (index.day().isBefore(today.minusDays(findingsRetentionDays))) {
                catalog.delete(index.name());
                deleted.add(index.name());
                LOG.infof("Retention: deleted %s (findings are kept %d days)", index.name(), findingsRetentionDays);
            }
        }
        return deleted;
    }
}
