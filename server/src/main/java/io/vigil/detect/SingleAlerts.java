package io.vigil.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.vigil.detect.alert.Raised;

/** A finding of a rule at or above the alert level, as a firing for the alert queue. */
final class SingleAlerts {

    private SingleAlerts() {
    }

    static Raised of(Finding finding) {
        List<Raised.Event> events = new ArrayList<>(finding.eventIds().size());
        for (int i = 0; i < finding.eventIds().size(); i++) {
            events.add(new Raised.Event(finding.eventIds().get(i), finding.eventTimes().get(i), finding.source()));
        }
        return new Raised(finding.ruleId(), finding.ruleVersion(), finding.ruleTitle(), finding.level().id(), "single",
                finding.group(), finding.first(), finding.last(), events, Set.of(finding.source()));
    }
}
