package io.vigil.detect.rules;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sigma's ATT&CK tags ({@code attack.t1078.004}, {@code attack.initial-access}, {@code attack.g0016},
 * {@code attack.s0002}) as links to the ATT&CK site; other tags ({@code cve.…}, {@code detection.…})
 * are shown as they are.
 */
public final class AttackTags {

    /** A rule tag for display: the text, and the ATT&CK page when it names one (else null). */
    public record Tag(String text, String label, String url) {

        public boolean attack() {
            return url != null;
        }
    }

    private static final String SITE = "https://attack.mitre.org/";
    private static final Pattern TECHNIQUE = Pattern.compile("attack\\.t(\\d{4})(?:\\.(\\d{3}))?");
    private static final Pattern GROUP_OR_SOFTWARE = Pattern.compile("attack\\.([gs])(\\d{4})");
    /** Enterprise tactics by Sigma's tag name. */
    private static final Map<String, String> TACTICS = Map.ofEntries(Map.entry("reconnaissance", "TA0043"),
            Map.entry("resource-development", "TA0042"), Map.entry("initial-access", "TA0001"),
            Map.entry("execution", "TA0002"), Map.entry("persistence", "TA0003"),
            Map.entry("privilege-escalation", "TA0004"), Map.entry("defense-evasion", "TA0005"),
            Map.entry("credential-access", "TA0006"), Map.entry("discovery", "TA0007"),
            Map.entry("lateral-movement", "TA0008"), Map.entry("collection", "TA0009"),
            Map.entry("command-and-control", "TA0011"), Map.entry("exfiltration", "TA0010"),
            Map.entry("impact", "TA0040"));

    private AttackTags() {
    }

    public static List<Tag> of(List<String> tags) {
        return tags.stream().map(AttackTags::tag).toList();
    }

    static Tag tag(String raw) {
        String tag = raw.trim().toLowerCase(Locale.ROOT);
        Matcher technique = TECHNIQUE.matcher(tag);
        if (technique.matches()) {
            String id = "T" + technique.group(1) + (technique.group(2) == null ? "" : "." + technique.group(2));
            return new Tag(raw, id, SITE + "techniques/T" + technique.group(1)
                    + (technique.group(2) == null ? "" : "/" + technique.group(2)) + "/");
        }
        Matcher other = GROUP_OR_SOFTWARE.matcher(tag);
        if (other.matches()) {
            String id = other.group(1).toUpperCase(Locale.ROOT) + other.group(2);
            return new Tag(raw, id, SITE + (other.group(1).equals("g") ? "groups/" : "software/") + id + "/");
        }
        if (tag.startsWith("attack.") && TACTICS.containsKey(tag.substring(7))) {
            String name = tag.substring(7).replace('-', ' ');
            return new Tag(raw, Character.toUpperCase(name.charAt(0)) + name.substring(1),
                    SITE + "tactics/" + TACTICS.get(tag.substring(7)) + "/");
        }
        return new Tag(raw, raw, null);
    }
}
