package io.vigil.web;

import io.quarkus.qute.TemplateExtension;
import io.vigil.event.AttackTechniques;
import io.vigil.event.AttackTechniques.AttackTag;

/** ATT&CK tags with their ids and names for the pages ({@code {attack:tag(tag)}}, see templates/tags.html). */
public final class AttackTagLinks {

    private AttackTagLinks() {
    }

    /** The tag as an ATT&CK technique, tactic, group or software; null when it is not an ATT&CK tag. */
    @TemplateExtension(namespace = "attack")
    static AttackTag tag(String tag) {
        return AttackTechniques.of(tag).orElse(null);
    }
}
