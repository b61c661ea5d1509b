package io.vigil.event;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names for the MITRE ATT&amp;CK® (Enterprise) ids that Sigma rules carry as tags ({@code attack.t1059.001},
 * {@code attack.initial_access}, {@code attack.g0016}, {@code attack.s0002}), so the console can show what an id
 * means. The names come from {@code attack/enterprise-attack.tsv}, extracted from MITRE's STIX data (see NOTICE).
 */
public final class AttackTechniques {

    static final String RESOURCE = "attack/enterprise-attack.tsv";

    private static final String PREFIX = "attack.";
    private static final String SITE = "https://attack.mitre.org/";
    // Techniques may have a sub-technique part; tactics, groups and software never do.
    private static final Pattern ID = Pattern.compile("(t|ta|g|s)(\\d{4})(\\.\\d{3})?");

    private AttackTechniques() {
    }

    /**
     * An {@code attack.*} tag read as ATT&amp;CK: {@code id} is the display id ({@code T1059.001}, {@code TA0001});
     * {@code name} is empty when the id is not in the shipped data (newer or retired); {@code url} is null when the
     * tag is no ATT&amp;CK id at all (such as {@code attack.car.2016-04-005}), and {@code id} is then the tag's rest.
     */
    public record AttackTag(String tag, String id, String name, String url) {
    }

    /** The tag read as ATT&amp;CK, or empty when it is not an {@code attack.*} tag. */
    public static Optional<AttackTag> of(String tag) {
        if (tag == null || !tag.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        String rest = tag.substring(PREFIX.length());
        String key = rest.toLowerCase(Locale.ROOT);
        Matcher id = ID.matcher(key);
        if (id.matches() && (id.group(3) == null || id.group(1).equals("t"))) {
            String display = key.toUpperCase(Locale.ROOT);
            return Optional.of(new AttackTag(tag, display, Catalogue.DATA.name(display), url(id.group(1), display)));
        }
        // Sigma writes tactics by shortname, older rules with '_' and newer with '-' (attack.initial_access).
        String tactic = Catalogue.DATA.tactics().get(key.replace('_', '-'));
        if (tactic != null) {
            return Optional.of(new AttackTag(tag, tactic, Catalogue.DATA.name(tactic), url("ta", tactic)));
        }
        return Optional.of(new AttackTag(tag, rest, "", null));
    }

    /** "T1580 Cloud Infrastructure Discovery" for a known id; the tag itself otherwise. */
    public static String label(String tag) {
        return of(tag).filter(attack -> !attack.name().isEmpty())
                .map(attack -> attack.id() + " " + attack.name())
                .orElse(tag);
    }

    private static String url(String kind, String id) {
        return SITE + switch (kind) {
            case "t" -> "techniques/" + id.replace('.', '/');
            case "ta" -> "tactics/" + id;
            case "g" -> "groups/" + id;
            default -> "software/" + id;
        } + "/";
    }

    /** Names by display id (the id prefixes keep the kinds apart) and tactic ids by shortname. */
    private record Catalogue(Map<String, String> names, Map<String, String> tactics) {

        // Holder idiom: the file is read once, on first use, and the JVM's class initialisation makes that safe.
        static final Catalogue DATA = load();

        String name(String id) {
            return names.getOrDefault(id, "");
        }

        private static Catalogue load() {
            Map<String, String> names = new HashMap<>();
            Map<String, String> tactics = new HashMap<>();
            try (InputStream in = AttackTechniques.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("ATT&CK names resource missing from the classpath: " + RESOURCE);
                }
                var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    // kind, id, name, then a tactic's shortname (or a technique's tactics, unused here)
                    String[] columns = line.split("\t", -1);
                    if (columns.length < 3) {
                        throw new IllegalStateException(RESOURCE + ": not kind, id, name: " + line);
                    }
                    names.put(columns[1], columns[2]);
                    if (columns[0].equals("tactic") && columns.length > 3) {
                        tactics.put(columns[3], columns[1]);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
            return new Catalogue(Map.copyOf(names), Map.copyOf(tactics));
        }
    }
}
