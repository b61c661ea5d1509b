package io.vigil.incident;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.vigil.access.VigilUser;

/**
 * Playbooks and SLA targets as admins edit them. A changed playbook gives its tasks to incidents opened from
 * then on; incidents already open keep the tasks they were given.
 */
@ApplicationScoped
public class Playbooks {

    static final Pattern TYPE = Pattern.compile("[a-z0-9_]{1,40}");
    static final int MAX_TASKS = 50;
    static final int MAX_MINUTES = 525_600;

    /** A playbook as the API shows and takes it. */
    public record View(String type, String title, String description, List<Playbook.Step> tasks) {

        static View of(Playbook p) {
            return new View(p.type, p.title, p.description, p.tasks);
        }
    }

    private final Sla sla;
    private final Clock clock = Clock.systemUTC();

    Playbooks(Sla sla) {
        this.sla = sla;
    }

    @Transactional
    public List<View> all() {
        return Playbook.<Playbook>listAll().stream().sorted(Comparator.comparing(p -> p.title)).map(View::of).toList();
    }

    /** Creates or replaces the playbook of a type. */
    @Transactional
    public View save(VigilUser user, String type, View body) {
        if (type == null || !TYPE.matcher(type).matches()) {
            throw IncidentProblem.invalid("type: 1 to 40 of a-z, 0-9 and _");
        }
        if (body == null) {
            throw IncidentProblem.invalid("body: title, description and tasks");
        }
        List<Playbook.Step> steps = new ArrayList<>();
        List<Playbook.Step> given = body.tasks() == null ? List.of() : body.tasks();
        if (given.isEmpty() || given.size() > MAX_TASKS) {
            throw IncidentProblem.invalid("tasks: 1 to " + MAX_TASKS + " tasks");
        }
        for (int i = 0; i < given.size(); i++) {
            Playbook.Step step = given.get(i);
            if (step == null) {
                throw IncidentProblem.invalid("tasks[" + i + "]: a title and a description");
            }
            steps.add(new Playbook.Step(Fields.required("tasks[" + i + "].title", step.title(), Fields.MAX_TITLE),
                    Fields.optional("tasks[" + i + "].description", step.description(), 2_000)));
        }
        Playbook playbook = Playbook.findById(type);
        if (playbook == null) {
            playbook = new Playbook();
            playbook.type = type;
        }
        playbook.title = Fields.required("title", body.title(), Fields.MAX_TITLE);
        playbook.description = Fields.optional("description", body.description(), Fields.MAX_TEXT);
        playbook.tasks = steps;
        playbook.updated = clock.instant();
        playbook.updatedBy = user.username();
        playbook.persist();
        return View.of(playbook);
    }

    /** Sets a severity's targets in minutes (0: no target). */
    @Transactional
    public Sla.Target target(String severity, Integer acknowledge, Integer resolve) {
        Severity level = Severity.of(severity).orElseThrow(() -> IncidentProblem.invalid("severity: one of "
                + String.join(", ", Severity.IDS)));
        for (var minutes : new Integer[]{acknowledge, resolve}) {
            if (minutes == null || minutes < 0 || minutes > MAX_MINUTES) {
                throw IncidentProblem.invalid("acknowledgeMinutes and resolveMinutes: 0 (no target) to " + MAX_MINUTES);
            }
        }
        if (resolve != 0 && acknowledge > resolve) {
            throw IncidentProblem.invalid("acknowledgeMinutes: not more than resolveMinutes");
        }
        return sla.set(level.id(), acknowledge, resolve);
    }
}
