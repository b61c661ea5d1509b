package io.vigil.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * sshd lines for benchmarks: the labelled lines of fail2ban's sshd test log in {@code ../shared/corpora}
 * (those under a {@code # failJSON:} comment), kept without their BSD time so that each event gets a time,
 * host, address and user of its own. The corpus is GPL-2.0 test data: it is read here, never copied.
 */
final class SshdCorpus {

    private static final Path LOG = Path.of("../shared/corpora/linux-auth/fail2ban/fail2ban/tests/files/logs/sshd");
    private static final String LABEL = "# failJSON:";
    private static final Pattern BSD_TIME = Pattern.compile(
            "^[A-Z][a-z]{2} {1,2}\\d{1,2} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)? ");
    /** The host before the tag; lines such as {@code sshd[42]: ...} have none and keep it so. */
    private static final Pattern HOST = Pattern.compile("^[^\\s\\[:]+(?= \\S*sshd)");
    private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])\\d{1,3}(?:\\.\\d{1,3}){3}(?![\\d.])");
    private static final Pattern USER = Pattern.compile("(?<=(?: for| user) )[\\w.@-]+(?= from )");

    private SshdCorpus() {
    }

    /** The labelled lines after their time stamp; empty when the corpus is not there. */
    static List<String> seeds() throws IOException {
        if (!Files.isRegularFile(LOG)) {
            return List.of();
        }
        List<String> seeds = new ArrayList<>();
        boolean labelled = false;
        for (String line : Files.readAllLines(LOG, StandardCharsets.UTF_8)) {
            if (line.startsWith("#")) {
                labelled |= line.startsWith(LABEL);
                continue;
            }
            Matcher time = BSD_TIME.matcher(line);
            if (labelled && time.find()) {
                seeds.add(line.substring(time.end()));
            }
            labelled = line.isBlank() && labelled;
        }
        return seeds;
    }

    /**
     * A seed as a syslog line of its own: an ISO time in place of the BSD one (the syslog parser reads
     * both; an ISO time needs no year guessed), and the host, first IPv4 address and user replaced.
     */
    static String line(String seed, Instant time, String host, String ip, String user) {
        String line = HOST.matcher(seed).replaceFirst(host);
        line = IPV4.matcher(line).replaceFirst(ip);
        line = USER.matcher(line).replaceFirst(Matcher.quoteReplacement(user));
        return time + " " + line;
    }
}
