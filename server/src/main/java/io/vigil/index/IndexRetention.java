package io.vigil.index;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.vigil.index.EventIndexCatalog.DailyIndex;

/**
 * Retention in the store: deletes whole daily events indices older than their source's retention,
 * and daily findings indices older than the findings retention (counted from the day they were
 * found), and logs each deletion. Indices of a source that no longer exists follow the default
 * retention. Deleting is idempotent, so several replicas may run it at once. Which source keeps how
 * long is the sources' business: the caller says.
 */
@ApplicationScoped
public class IndexRetention {

    private static final Logger LOG = Logger.getLogger(IndexRetention.class);

    private final EventIndexCatalog catalog;
    private final int defaultRetentionDays;
    private final int findingsRetentionDays;

    IndexRetention(EventIndexCatalog catalog,
            @ConfigProperty(name = "vigil.retention.default-days", defaultValue = "90") int defaultRetentionDays,
            @ConfigProperty(name = "vigil.retention.findings-days", defaultValue = "365") int findingsRetentionDays) {
        this.catalog = catalog;
        this.defaultRetentionDays = defaultRetentionDays;
        this.findingsRetentionDays = findingsRetentionDays;
    }

    /**
     * Deletes what is past retention today; returns the deleted index names.
     *
     * @param daysBySource each known source's retention in days
     */
    public List<String> apply(Map<String, Integer> daysBySource) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<String> deleted = new ArrayList<>();
        for (DailyIndex index : catalog.dailyIndices()) {
            int days = daysBySource.getOrDefault(index.source(), defaultRetentionDays);
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
