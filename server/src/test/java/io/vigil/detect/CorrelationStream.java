package io.vigil.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A seeded random CloudTrail stream for the built-in correlations ({@code vigil-correlations}, see
 * CorrelationPackTest): console login failures and successes per address, refused calls, new keys, security
 * groups opened to the internet and stopped trails per identity, among ordinary calls, in random order over
 * the last minutes. Some groups stay below the thresholds by construction, some pass them. Every address,
 * identity and event id holds the placeholder {@value #RUN}, so the same stream can be sent again as other
 * groups (the correlation state of one run must not meet another's) and the alerts of two runs compared
 * once the placeholder is put back.
 */
final class CorrelationStream {

    static final String RUN = "{R}";
    /** Addresses with console logins: address g fails g % 7 times, so two or fewer never reach three. */
    static final int ADDRESSES = 24;
    /** Identities with refused calls: identity k is refused 10 + 3k times, twenty or more from k = 4. */
    static final int IDENTITIES = 12;
    private static final int QUIET_IDENTITIES = 40;
    private static final int ORDINARY_CALLS = 2_200;
    /**
     * How far back from the newest event the stream reaches: the whole test stays within the correlation
     * lateness (15 minutes), and no input is ever older than what eviction keeps (the window plus the lateness).
     */
    private static final int SPAN_SECONDS = 660;
    private static final String ACCOUNT = "111122223333";
    private static final String OPEN_TO_WORLD = ",\"requestParameters\":{\"groupId\":\"sg-1\",\"ipPermissions\":"
            + "{\"items\":[{\"ipProtocol\":\"tcp\",\"fromPort\":22,\"toPort\":22,\"ipRanges\":{\"items\":"
            + "[{\"cidrIp\":\"0.0.0.0/0\"}]}}]}}";
    private static final String[][] ORDINARY = {{"ec2.amazonaws.com", "DescribeInstances"},
            {"s3.amazonaws.com", "ListBuckets"}, {"sts.amazonaws.com", "GetCallerIdentity"},
            {"s3.amazonaws.com", "GetBucketLocation"}, {"lambda.amazonaws.com", "ListFunctions20150331"}};

    private final Random random;
    private final long newest;
    private final List<String> records = new ArrayList<>();

    private CorrelationStream(long seed, Instant newest) {
        this.random = new Random(seed);
        this.newest = newest.getEpochSecond();
    }

    /** The stream's records (one JSON line each) in random order, the newest at {@code newest}. */
    static List<String> records(long seed, Instant newest) {
        var stream = new CorrelationStream(seed, newest);
        stream.consoleLogins();
        stream.identities();
        stream.ordinaryCalls();
        Collections.shuffle(stream.records, stream.random);
        return List.copyOf(stream.records);
    }

    /** A record as sent in run {@code run}: its groups and event id carry the run's number. */
    static String forRun(String record, int run) {
        return record.replace(RUN, Integer.toString(run));
    }

    /** Whether an alert's group values (as JSON text) are a group of run {@code run}. */
    static boolean ofRun(String groupValues, int run) {
        return groupValues.contains("\"10." + run + ".") || groupValues.contains("r" + run + "-");
    }

    /** Undoes {@link #forRun} in what the server wrote (group values, event ids), so runs compare. */
    static String undo(String text, int run) {
        return text.replace("\"10." + run + ".", "\"10." + RUN + ".").replace("r" + run + "-", "r" + RUN + "-");
    }

    /** Three console login failures from one address at one instant: what the failures correlation needs. */
    static String probe(String ip, int n, Instant at) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            body.append(record(at.getEpochSecond(), "signin.amazonaws.com", "ConsoleLogin", "probe", ip,
                    "probe-" + n + "-" + i, ",\"responseElements\":{\"ConsoleLogin\":\"Failure\"}")).append('\n');
        }
        return body.toString();
    }

    /**
     * Per address, its failures within three minutes (even g: three or more always fire) or spread over the
     * whole stream (odd g: more than the ten minutes of the correlation, so they may or may not), and often a
     * success at any time (after a fired window: the chained correlation fires; before: it does not).
     */
    private void consoleLogins() {
        for (int g = 0; g < ADDRESSES; g++) {
            String ip = "10." + RUN + ".1." + (g + 1);
            String user = "r" + RUN + "-c" + g;
            int width = g % 2 == 0 ? 180 : SPAN_SECONDS;
            long from = start(width);
            for (int i = 0; i < g % 7; i++) {
                add(from + random.nextInt(width + 1), "signin.amazonaws.com", "ConsoleLogin", user, ip,
                        ",\"responseElements\":{\"ConsoleLogin\":\"Failure\"}");
            }
            if (random.nextInt(10) < 6) {
                add(anyTime(), "signin.amazonaws.com", "ConsoleLogin", user, ip,
                        ",\"responseElements\":{\"ConsoleLogin\":\"Success\"}");
            }
        }
    }

    /**
     * Per identity, its refused calls within two and a half minutes (even k) or spread over the stream (odd k),
     * and at random times, each at random, a new key, a security group opened to the internet (after the key:
     * the key-then-open correlation fires) and a stopped trail (after a refused call or the key: the trail
     * correlation fires).
     */
    private void identities() {
        for (int k = 0; k < IDENTITIES; k++) {
            String ip = "10." + RUN + ".2." + (k + 1);
            String user = "r" + RUN + "-d" + k;
            int width = k % 2 == 0 ? 150 : SPAN_SECONDS;
            long from = start(width);
            for (int i = 0; i < 10 + 3 * k; i++) {
                add(from + random.nextInt(width + 1), "s3.amazonaws.com", "ListBuckets", user, ip,
                        ",\"errorCode\":\"AccessDenied\",\"errorMessage\":\"Access Denied\"");
            }
            if (random.nextBoolean()) {
                add(anyTime(), "iam.amazonaws.com", "CreateAccessKey", user, ip, "");
            }
            if (random.nextBoolean()) {
                add(anyTime(), "ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", user, ip, OPEN_TO_WORLD);
            }
            if (random.nextBoolean()) {
                add(anyTime(), "cloudtrail.amazonaws.com", "StopLogging", user, ip, "");
            }
        }
    }

    /** Calls no correlation counts, and console successes without failures before them: inputs that never fire. */
    private void ordinaryCalls() {
        for (int i = 0; i < ORDINARY_CALLS; i++) {
            int k = random.nextInt(QUIET_IDENTITIES);
            String ip = "10." + RUN + ".3." + (k + 1);
            String user = "r" + RUN + "-n" + k;
            if (random.nextInt(20) == 0) {
                add(anyTime(), "signin.amazonaws.com", "ConsoleLogin", user, ip,
                        ",\"responseElements\":{\"ConsoleLogin\":\"Success\"}");
            } else {
                String[] call = ORDINARY[random.nextInt(ORDINARY.length)];
                add(anyTime(), call[0], call[1], user, ip, "");
            }
        }
    }

    /** The first second of a random stretch of {@code width} seconds within the stream. */
    private long start(int width) {
        return newest - SPAN_SECONDS + random.nextInt(SPAN_SECONDS - width + 1);
    }

    private long anyTime() {
        return newest - random.nextInt(SPAN_SECONDS + 1);
    }

    private void add(long epochSecond, String service, String call, String user, String ip, String extra) {
        String id = "r" + RUN + "-e" + "%05d".formatted(records.size());
        records.add(record(epochSecond, service, call, user, ip, id, extra));
    }

    /** A CloudTrail record as CloudTrail writes it, on one line; {@code extra} adds fields after the usual ones. */
    private static String record(long epochSecond, String service, String call, String user, String ip, String id,
            String extra) {
        return "{\"eventVersion\":\"1.09\",\"eventTime\":\"" + Instant.ofEpochSecond(epochSecond)
                + "\",\"eventSource\":\"" + service + "\",\"eventName\":\"" + call + "\",\"awsRegion\":\"eu-west-1\","
                + "\"sourceIPAddress\":\"" + ip + "\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::"
                + ACCOUNT + ":user/" + user + "\",\"userName\":\"" + user + "\"},\"eventID\":\"" + id
                + "\",\"recipientAccountId\":\"" + ACCOUNT + "\"" + extra + "}";
    }
}
