package io.vigil.ingest.syslog.firewall;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;

/**
 * Reads the kernel's netfilter {@code LOG} lines (iptables, ip6tables, nftables {@code log}, UFW):
 * an optional kernel timestamp, the rule's prefix, then {@code IN= OUT= ... SRC= DST= LEN= ...
 * PROTO= ...}. Anything else gives an empty result. Stateless and thread-safe.
 */
public final class FirewallParser {

    /** Kernel log lines are at most 1 KiB; longer text is no packet log and is not scanned. */
    static final int MAX_MESSAGE_LENGTH = 4096;

    private static final Pattern KERNEL = Pattern.compile("(?:kernel: ?)?(?:\\[ *\\d{1,12}\\.\\d{1,9}\\] ?)?");
    /** The LOG target always starts its own text with these two fields. */
    private static final Pattern INTERFACES = Pattern.compile("IN=(\\S*) OUT=(\\S*)(?: |$)");
    private static final IPAddressStringParameters STRICT = new IPAddressStringParameters.Builder()
            .allowEmpty(false).allowAll(false).allowPrefix(false).allowMask(false).allowSingleSegment(false)
            .setRangeOptions(IPAddressStringParameters.RangeParameters.NO_RANGE).allow_inet_aton(false).toParams();
    private static final Map<String, String> TRANSPORTS = Map.of("1", "icmp", "6", "tcp", "17", "udp", "47", "gre",
            "50", "esp", "51", "ah", "58", "ipv6-icmp", "132", "sctp", "136", "udplite", "icmpv6", "ipv6-icmp");

    public Optional<FirewallEvent> parse(String message) {
        if (message == null || message.length() > MAX_MESSAGE_LENGTH) {
            return Optional.empty();
        }
        Matcher kernel = KERNEL.matcher(message);
        String text = kernel.lookingAt() ? message.substring(kernel.end()) : message;
        Matcher interfaces = INTERFACES.matcher(text);
        if (!interfaces.find()) {
            return Optional.empty();
        }
        Map<String, String> fields = PacketFields.read(text.substring(interfaces.end()));
        String source = ip(fields.get("SRC"));
        String destination = ip(fields.get("DST"));
        if (source == null || destination == null) {
            return Optional.empty();
        }
        String prefix = prefix(text.substring(0, interfaces.start()));
        String transport = transport(fields.get("PROTO"));
        boolean ports = transport != null && transport.matches("tcp|udp|udplite|sctp|dccp");
        return Optional.of(new FirewallEvent(prefix, action(prefix), blankToNull(interfaces.group(1)),
                blankToNull(interfaces.group(2)), source, ports ? port(fields.get("SPT")) : null, destination,
                ports ? port(fields.get("DPT")) : null, transport, length(fields.get("LEN")), 1));
    }

    /**
     * UFW names its verdict in its prefix ({@code [UFW BLOCK]}, {@code [UFW ALLOW]}, {@code [UFW AUDIT]});
     * for other rules the administrator's prefix is the only hint, and the usual words are taken at
     * their meaning.
     */
    static FirewallAction action(String prefix) {
        if (prefix == null) {
            return FirewallAction.UNKNOWN;
        }
        String words = prefix.toUpperCase(Locale.ROOT);
        if (containsAny(words, "DROP", "REJECT", "DENY", "DENIED", "BLOCK")) {
            return FirewallAction.REJECT;
        }
        if (containsAny(words, "ACCEPT", "ALLOW", "PASS") || words.startsWith("UFW AUDIT")) {
            return FirewallAction.ACCEPT;
        }
        return FirewallAction.UNKNOWN;
    }

    private static boolean containsAny(String text, String... words) {
        for (String word : words) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static String prefix(String raw) {
        String prefix = raw.strip();
        if (prefix.startsWith("[") && prefix.endsWith("]")) {
            prefix = prefix.substring(1, prefix.length() - 1).strip();
        }
        while (prefix.endsWith(":")) {
            prefix = prefix.substring(0, prefix.length() - 1).stripTrailing();
        }
        return prefix.isEmpty() ? null : prefix;
    }

    private static String transport(String proto) {
        if (proto == null || proto.isEmpty()) {
            return null;
        }
        String name = proto.toLowerCase(Locale.ROOT);
        return TRANSPORTS.getOrDefault(name, name);
    }

    private static String ip(String value) {
        if (value == null || value.isEmpty() || value.length() > 45) {
            return null;
        }
        IPAddress address = new IPAddressString(value, STRICT).getAddress();
        return address == null ? null : address.toCanonicalString();
    }

    private static Integer port(String value) {
        Long number = length(value);
        return number != null && number <= 65_535 ? number.intValue() : null;
    }

    private static Long length(String value) {
        if (value == null || value.isEmpty() || value.length() > 9 || !value.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(value);
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
