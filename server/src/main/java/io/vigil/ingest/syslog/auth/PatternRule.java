package io.vigil.ingest.syslog.auth;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message shape: a pattern anchored at the start of the message and what to make of a match. The
 * readers are lists of these, tried in order; the literal start of each pattern rejects most
 * messages at the first characters.
 */
record PatternRule(Pattern pattern, Function<Matcher, Optional<AuthLine>> reader) {

    static PatternRule rule(String regex, Function<Matcher, Optional<AuthLine>> reader) {
        return new PatternRule(Pattern.compile(regex), reader);
    }

    static Optional<AuthLine> first(List<PatternRule> rules, String message) {
        for (PatternRule rule : rules) {
            Matcher matcher = rule.pattern.matcher(message);
            if (matcher.lookingAt()) {
                Optional<AuthLine> line = rule.reader.apply(matcher);
                if (line.isPresent()) {
                    return line;
                }
            }
        }
        return Optional.empty();
    }
}
