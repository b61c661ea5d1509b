package io.vigil.incident;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.vigil.access.HandlerDirectory;
import io.vigil.access.Permission;
import io.vigil.access.VigilUser;
import io.vigil.search.LuceneText;

/**
 * What an incident's page needs besides the incident: what the reader may do, the people who may be assigned,
 * how many alerts of each linked rule were closed as false positives (for the resolve form), and
 * the timeline with the pinned events placed on the same time axis as the changes.
 */
public record IncidentPage(IncidentView.Detail detail, VigilUser user, List<HandlerDirectory.Person> handlers,
        String directoryProblem, java.util.Map<String, Long> falsePositives) {

    /** A line of the merged timeline: a change, or a pinned event at its event time. */
    public record Line(Instant at, String actor, String kind, String from, String to, IncidentView.PinnedEvent event) {
    }

    /** The page's title: the incident's number and title. */
    public String title() {
        return detail.incident().ref() + " " + detail.incident().title();
    }

    public boolean canOpen() {
        return user.can(Permission.INCIDENTS_OPEN) && open();
    }

    public boolean canWork() {
        return user.can(Permission.INCIDENTS_WORK);
    }

    public boolean canAssign() {
        return user.can(Permission.INCIDENTS_ASSIGN) && open();
    }

    public boolean canSearch() {
        return user.can(Permission.EVENTS_READ);
    }

    /** Not closed: evidence, tasks and fields may change. */
    public boolean open() {
        return !IncidentState.CLOSED.id().equals(detail.incident().state());
    }

    public boolean watching() {
        return detail.watchers().contains(user.username());
    }

    public List<String> severities() {
        return Severity.IDS;
    }

    public List<IncidentState.Resolution> resolutions() {
        return List.of(IncidentState.Resolution.values());
    }

    public List<TaskState> taskStates() {
        return List.of(TaskState.values());
    }

    public List<ObservableKind> kinds() {
        return List.of(ObservableKind.values());
    }

    public String stateLabel(String id) {
        return IncidentState.of(id).map(IncidentState::label).orElse(id);
    }

    public int progress() {
        return detail.tasks().isEmpty() ? 0 : (int) (100 * detail.tasksDone() / detail.tasks().size());
    }

    /** A search for the value across every event the reader may see (quoted, so it is one term). */
    public String searchUrl(String value) {
        return "/search?from=earliest&q=" + URLEncoder.encode("\"" + value.replace("\\", "\\\\").replace("\"",
                "\\\"") + "\"", StandardCharsets.UTF_8);
    }

    /** The event in search, opened by its id. */
    public String eventUrl(IncidentView.PinnedEvent event) {
        return "/search?from=" + event.time().minusSeconds(60) + "&to=" + event.time().plusSeconds(60) + "&q="
                + URLEncoder.encode(LuceneText.term("event.id", event.id()), StandardCharsets.UTF_8);
    }

    /** Changes and pinned events in time order (events at their own time, changes when they were made). */
    public List<Line> timeline() {
        List<Line> lines = new ArrayList<>();
        detail.timeline().forEach(c -> lines.add(new Line(c.at(), c.actor(), c.kind(), c.from(), c.to(), null)));
        detail.events().forEach(e -> lines.add(new Line(e.time(), e.source(), "event time", null, e.id(), e)));
        lines.sort(Comparator.comparing(Line::at));
        return lines;
    }
}
