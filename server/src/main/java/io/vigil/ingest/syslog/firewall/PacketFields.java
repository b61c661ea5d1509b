package io.vigil.ingest.syslog.firewall;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code KEY=value} words of a netfilter log line. Flags without a value ({@code DF}, {@code SYN})
 * are skipped. An ICMP error quotes the offending packet in brackets ({@code [SRC=... DST=... PROTO=UDP
 * SPT=... DPT=...]}); its fields describe another packet and are ignored, and the first value of a key
 * wins.
 */
final class PacketFields {

    private PacketFields() {
    }

    static Map<String, String> read(String text) {
        Map<String, String> fields = new HashMap<>();
        int depth = 0;
        for (String word : text.split(" ")) {
            if (word.startsWith("[")) {
                depth++;
            }
            int eq = word.indexOf('=');
            if (depth == 0 && eq > 0) {
                fields.putIfAbsent(word.substring(0, eq), word.substring(eq + 1));
            }
            if (word.endsWith("]") && depth > 0) {
                depth--;
            }
        }
        return fields;
    }
}
