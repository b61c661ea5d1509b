package io.vigil.detect.notify;

import java.util.List;

import io.vigil.event.Level;

/** Which channels an alert goes to: every criterion a channel sets must hold; one it leaves empty holds. */
final class Routing {

    private Routing() {
    }

    static boolean matches(Channel channel, String level, String pack, String ruleId) {
        boolean levelHolds = channel.minLevel == null
                || level != null && Level.rank(level) <= Level.rank(channel.minLevel);
        boolean packHolds = channel.packs.length == 0 || pack != null && List.of(channel.packs).contains(pack);
        boolean ruleHolds = channel.rules.length == 0 || List.of(channel.rules).contains(ruleId);
        return levelHolds && packHolds && ruleHolds;
    }

    /** A notice goes to channels not limited to some packs or rules, at or above their lowest level. */
    static boolean matchesNotice(Channel channel, String level) {
        return channel.packs.length == 0 && channel.rules.length == 0 && matches(channel, level, null, null);
    }
}
