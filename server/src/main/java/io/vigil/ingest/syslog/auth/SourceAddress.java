package io.vigil.ingest.syslog.auth;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv6.IPv6Address;

/**
 * Where an attempt came from: an IP address in canonical text or a host name, and maybe a port.
 * IPv4-mapped IPv6 addresses ({@code ::ffff:1.2.3.4}) are read as the IPv4 address they carry, and
 * leading zeros in IPv4 octets as decimal, as {@code Documents.ip} does for the other sources.
 */
record SourceAddress(String ip, String domain, Integer port) {

    /** Only plain addresses: no prefixes, masks, ranges, wildcards or inet_aton short forms. */
    private static final IPAddressStringParameters STRICT = new IPAddressStringParameters.Builder()
            .allowEmpty(false).allowAll(false).allowPrefix(false).allowMask(false).allowSingleSegment(false)
            .setRangeOptions(IPAddressStringParameters.RangeParameters.NO_RANGE).allow_inet_aton(false).toParams();
    private static final Pattern ADDRESS_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}(?:%[\\w.-]{1,32})?");
    /** RFC 1123 labels (underscores tolerated); the last label must hold a letter, so it is no number. */
    private static final Pattern HOST_NAME = Pattern
            .compile("(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9-]*[A-Za-z][A-Za-z0-9-]*\\.?");
    private static final int MAX_NAME = 253;

    /** A source from one token of a log line, if the token is an address or a host name. */
    static Optional<SourceAddress> parse(String token, Integer port) {
        if (token == null || token.isEmpty() || token.length() > MAX_NAME) {
            return Optional.empty();
        }
        String text = token.length() > 2 && token.startsWith("[") && token.endsWith("]")
                ? token.substring(1, token.length() - 1)
                : token;
        String ip = canonicalIp(text);
        if (ip != null) {
            return Optional.of(new SourceAddress(ip, null, port));
        }
        if (HOST_NAME.matcher(text).matches() || text.equalsIgnoreCase("localhost")) {
            String name = text.toLowerCase(Locale.ROOT);
            return Optional.of(new SourceAddress(null, name.endsWith(".") ? name.substring(0, name.length() - 1) : name,
                    port));
        }
        return Optional.empty();
    }

    static Optional<SourceAddress> parse(String token) {
        return parse(token, null);
    }

    /**
     * {@code host:port} as dropbear writes it ({@code 1.2.3.4:22}, {@code ::ffff:1.2.3.4:22},
     * {@code [2001:db8::1]:22}, {@code <1.2.3.4:22>}): the port is always there, so the last colon
     * splits.
     */
    static Optional<SourceAddress> parseHostPort(String token) {
        String text = token.startsWith("<") && token.endsWith(">") ? token.substring(1, token.length() - 1) : token;
        int colon = text.lastIndexOf(':');
        if (colon > 0 && colon < text.length() - 1) {
            Integer port = port(text.substring(colon + 1));
            if (port != null) {
                return parse(text.substring(0, colon), port);
            }
        }
        return parse(text, null);
    }

    /** A TCP/UDP port, or null when the text is not one. */
    static Integer port(String text) {
        if (text == null || text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
            return null;
        }
        int value = Integer.parseInt(text);
        return value <= 65_535 ? value : null;
    }

    SourceAddress withPort(Integer newPort) {
        return newPort == null ? this : new SourceAddress(ip, domain, newPort);
    }

    private static String canonicalIp(String text) {
        if (!ADDRESS_CHARS.matcher(text).matches()) {
            return null;
        }
        IPAddress address = new IPAddressString(text, STRICT).getAddress();
        if (address == null) {
            return null;
        }
        if (address instanceof IPv6Address v6 && v6.isIPv4Mapped()) {
            return v6.getEmbeddedIPv4Address().toCanonicalString();
        }
        return address.toCanonicalString();
    }
}
