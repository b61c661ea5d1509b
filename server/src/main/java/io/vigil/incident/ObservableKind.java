package io.vigil.incident;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import inet.ipaddr.IPAddressString;

/**
 * What an observable is, how a value of it looks, and which event fields hold one. Values taken from events
 * are checked like values typed by hand: an event field that does not look like its kind adds nothing.
 */
public enum ObservableKind {

    IP(List.of("source.ip", "destination.ip", "client.ip", "server.ip", "host.ip")),
    USER(List.of("user.name", "user.target.name", "userIdentity.userName")),
    ACCESS_KEY(List.of("userIdentity.accessKeyId", "responseElements.accessKey.accessKeyId",
            "requestParameters.accessKeyId")),
    ARN(List.of("userIdentity.arn", "userIdentity.sessionContext.sessionIssuer.arn")),
    HOST(List.of("host.name", "host.hostname")),
    DOMAIN(List.of("source.domain", "destination.domain", "url.domain", "dns.question.name")),
    HASH(List.of("file.hash.md5", "file.hash.sha1", "file.hash.sha256", "process.hash.sha256"));

    private static final Pattern ACCESS_KEY_ID = Pattern.compile("(AKIA|ASIA|AIDA|AROA)[A-Z0-9]{12,124}");
    private static final Pattern ARN_VALUE = Pattern.compile("arn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:\\d{0,12}:\\S+");
    private static final Pattern HEX_HASH = Pattern.compile("[0-9a-fA-F]{32}|[0-9a-fA-F]{40}|[0-9a-fA-F]{64}");
    private static final Pattern DOMAIN_NAME = Pattern
            .compile("(?=.{1,253}$)([A-Za-z0-9_]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}\\.?");
    private static final Pattern NAME = Pattern.compile("[^\\p{Cntrl}]{1,256}");

    /** The event fields that hold a value of this kind. */
    public final List<String> fields;

    ObservableKind(List<String> fields) {
        this.fields = fields;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return switch (this) {
            case IP -> "IP";
            case ACCESS_KEY -> "access key";
            case ARN -> "ARN";
            default -> id();
        };
    }

    /** The value as stored (trimmed; IPs in canonical form), or empty when it is not a value of this kind. */
    public Optional<String> normalize(String raw) {
        String v = raw == null ? "" : raw.strip();
        if (v.isEmpty() || v.length() > 2048) {
            return Optional.empty();
        }
        return switch (this) {
            case IP -> {
                var address = new IPAddressString(v).getAddress();
                yield address == null ? Optional.empty() : Optional.of(address.toCanonicalString());
            }
            case ACCESS_KEY -> ACCESS_KEY_ID.matcher(v).matches() ? Optional.of(v) : Optional.empty();
            case ARN -> ARN_VALUE.matcher(v).matches() ? Optional.of(v) : Optional.empty();
            case HASH -> HEX_HASH.matcher(v).matches() ? Optional.of(v.toLowerCase(Locale.ROOT)) : Optional.empty();
            case DOMAIN -> DOMAIN_NAME.matcher(v).matches()
                    ? Optional.of(v.toLowerCase(Locale.ROOT))
                    : Optional.empty();
            case USER, HOST -> NAME.matcher(v).matches() ? Optional.of(v) : Optional.empty();
        };
    }

    /** What a value of this kind looks like, for refusals. */
    public String shape() {
        return switch (this) {
            case IP -> "an IPv4 or IPv6 address";
            case ACCESS_KEY -> "an AWS access key id (AKIA… or ASIA…)";
            case ARN -> "an ARN (arn:aws:…)";
            case HASH -> "an MD5, SHA-1 or SHA-256 in hex";
            case DOMAIN -> "a domain name";
            case USER, HOST -> "a name without control characters, at most 256 long";
        };
    }

    /** The kind an alert's group field holds: by the field's name, else by the value's shape. */
    static Optional<ObservableKind> ofField(String field, String value) {
        var named = Arrays.stream(values()).filter(k -> k.fields.contains(field)).findFirst();
        if (named.isPresent()) {
            return named;
        }
        String lower = field.toLowerCase(Locale.ROOT);
        if (lower.endsWith("ip") || lower.endsWith("ipaddress") || lower.endsWith(".ip")) {
            return IP.normalize(value).map(v -> IP);
        }
        return Arrays.stream(new ObservableKind[]{ACCESS_KEY, ARN}).filter(k -> k.normalize(value).isPresent())
                .findFirst();
    }

    public static Optional<ObservableKind> of(String id) {
        return Arrays.stream(values()).filter(k -> k.id().equalsIgnoreCase(id == null ? "" : id.trim())).findFirst();
    }
}
