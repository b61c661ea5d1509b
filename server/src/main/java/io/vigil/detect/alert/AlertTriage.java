package io.vigil.detect.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.vigil.access.VigilUser;

/**
 * Moves alerts through triage: acknowledge a new one, close one with a reason, reopen a closed one,
 * escalate one to incident handling, assign one. Each change records who and when; an alert the user
 * cannot see is not found for them.
 */
@ApplicationScoped
public class AlertTriage {

    /** What a triage action may start from, and where it leads. */
    public enum Action {

        ACKNOWLEDGE(Set.of(AlertState.NEW), AlertState.ACKNOWLEDGED),
        CLOSE(Set.of(AlertState.NEW, AlertState.ACKNOWLEDGED), AlertState.CLOSED),
        REOPEN(Set.of(AlertState.CLOSED), AlertState.NEW);

        final Set<AlertState> from;
        final AlertState to;

        Action(Set<AlertState> from, AlertState to) {
            this.from = from;
            this.to = to;
        }

        public static java.util.Optional<Action> of(String name) {
            return java.util.Arrays.stream(values()).filter(a -> a.name().equalsIgnoreCase(name)).findFirst();
        }
    }

    /** What became of one alert: its new view, or why not. */
    public record Outcome(UUID id, AlertView alert, String problem) {
    }

    private final AlertQueries queries;

    AlertTriage(AlertQueries queries) {
        this.queries = queries;
    }

    @Transactional
    public List<Outcome> apply(VigilUser user, List<UUID> ids, Action action, String reason) {
        if (action == Action.CLOSE && (reason == null || AlertState.CloseReason.of(reason).isEmpty())) {
            throw new IllegalArgumentException("reason: closing needs one of true_positive, false_positive, benign");
        }
        return each(user, ids, alert -> {
            AlertState state = AlertState.of(alert.state).orElseThrow();
            if (!action.from.contains(state)) {
                return "cannot " + action.name().toLowerCase(java.util.Locale.ROOT) + " an alert that is "
                        + state.id();
            }
            alert.state = action.to.id();
            alert.closeReason = action == Action.CLOSE ? reason : action == Action.REOPEN ? null : alert.closeReason;
            return null;
        });
    }

    /**
     * Escalates the alerts into an incident, all or none: each must be visible to the user, not closed and
     * not in another incident. Answers the escalated alerts, or throws naming the first that cannot be.
     * The caller's transaction covers both the incident and the alerts.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AlertView> escalate(VigilUser user, List<UUID> ids, long incident) {
        List<Alert> alerts = new ArrayList<>();
        for (UUID id : ids) {
            // the row lock: two replicas escalating one alert into two incidents queue here, and the second
            // finds it taken
            Alert.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            Alert alert = queries.visible(user, id)
                    .orElseThrow(() -> new IllegalArgumentException("no alert " + id));
            if (alert.incidentId != null && alert.incidentId != incident) {
                throw new IllegalStateException("alert " + id + " is already in incident INC-" + alert.incidentId);
            }
            if (AlertState.CLOSED.id().equals(alert.state)) {
                throw new IllegalStateException("alert " + id + " is closed: reopen it before escalating it");
            }
            alerts.add(alert);
        }
        alerts.forEach(alert -> {
            alert.state = AlertState.ESCALATED.id();
            alert.incidentId = incident;
            touch(alert, user);
        });
        return alerts.stream().map(AlertView::of).toList();
    }

    /**
     * Closes the alerts escalated into an incident that the user may see, with the reason its resolution gives
     * (when the incident was resolved as a false positive, say); answers how many were closed. Alerts outside
     * the user's scope stay as they are: someone who may see them closes them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int closeOfIncident(VigilUser user, long incident, AlertState.CloseReason reason) {
        var scope = user.sourceScope();
        List<Alert> alerts = Alert.<Alert>list("incidentId = ?1 and state <> 'closed'", incident).stream()
                .filter(a -> scope.isEmpty() || scope.get().containsAll(List.of(a.sources))).toList();
        alerts.forEach(alert -> {
            alert.state = AlertState.CLOSED.id();
            alert.closeReason = reason.id();
            touch(alert, user);
        });
        return alerts.size();
    }

    /** Closes an alert the system raised about itself (an admin saw to it); false if it is no such alert. */
    @Transactional
    public boolean closeSystem(VigilUser user, UUID id) {
        Alert alert = Alert.findById(id);
        if (alert == null || !"health".equals(alert.ruleKind) || AlertState.CLOSED.id().equals(alert.state)) {
            return false;
        }
        alert.state = AlertState.CLOSED.id();
        alert.closeReason = AlertState.CloseReason.TRUE_POSITIVE.id();
        touch(alert, user);
        return true;
    }

    /** Assigns the alerts to a user name, or to nobody ({@code null}). */
    @Transactional
    public List<Outcome> assign(VigilUser user, List<UUID> ids, String assignee) {
        return each(user, ids, alert -> {
            alert.assignee = assignee == null || assignee.isBlank() ? null : assignee.trim();
            return null;
        });
    }

    /** Applies the change to each alert the user can see; the change answers why not, or null when done. */
    private List<Outcome> each(VigilUser user, List<UUID> ids, java.util.function.Function<Alert, String> change) {
        List<Outcome> outcomes = new ArrayList<>();
        for (UUID id : ids) {
            var found = queries.visible(user, id);
            if (found.isEmpty()) {
                outcomes.add(new Outcome(id, null, "no such alert"));
                continue;
            }
            Alert alert = found.get();
            String problem = change.apply(alert);
            if (problem == null) {
                touch(alert, user);
            }
            outcomes.add(new Outcome(id, AlertView.of(alert), problem));
        }
        return outcomes;
    }

    private static void touch(Alert alert, VigilUser user) {
        alert.updated = Instant.now();
        alert.updatedBy = user.username();
    }
}
