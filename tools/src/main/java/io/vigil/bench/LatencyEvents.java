package io.vigil.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The latency benchmark's events, each dated when it is made: routine CloudTrail calls and syslog
 * lines (cron, sshd logins by key) that no built-in rule alerts on, and the two attacks whose alerts
 * are timed. Attackers' addresses come from 198.18.0.0/15 (RFC 2544's range for benchmarks), counted
 * on from a random start per run, so that an attack never extends an alert still open from an earlier
 * run; routine traffic comes from 10.20.0.0/16 and never meets them. Safe for several threads.
 */
final class LatencyEvents {

    /** "AWS Config Disabling Channel/Recorder" (SigmaHQ, level high): one event alerts. */
    static final String SINGLE_RULE = "07330162-dba1-4746-8121-a9647d49d297";
    /** "SSH brute force from one address" (vigil-correlations): 10 failures from one address in 5 minutes. */
    static final String CORRELATION_RULE = "b384e0e9-cc4d-4569-b436-b76013a70694";
    /** The correlation's threshold ({@code condition: {gte: 10}}). */
    static final int BRUTE_FORCE_FAILURES = 10;

    private static final String ACCOUNT = "111122223333";
    /** 198.18.0.0/15 without the .0 and .255 of each /24. */
    private static final int ATTACK_ADDRESSES = 2 * 256 * 254;
    private static final int OFFICE_ADDRESSES = 500;
    /** Calls no built-in rule matches (checked against the packs' eventName values). */
    private static final String[][] ROUTINE = {
            {"ec2.amazonaws.com", "DescribeInstances"}, {"ec2.amazonaws.com", "DescribeVolumes"},
            {"s3.amazonaws.com", "PutObject"}, {"s3.amazonaws.com", "GetBucketLocation"},
            {"logs.amazonaws.com", "FilterLogEvents"}, {"logs.amazonaws.com", "DescribeLogGroups"},
            {"cloudformation.amazonaws.com", "DescribeStacks"}, {"monitoring.amazonaws.com", "GetMetricData"}};
    private static final String[] USERS = {"alice", "bob", "carol", "ci-deployer", "reporting"};
    private static final String CLI = "aws-cli/2.15.0 Python/3.11 Linux/6.1";
    /** syslog priorities: facility auth or cron, severity info. */
    private static final int AUTH_INFO = 38;
    private static final int CRON_INFO = 78;

    private final ObjectMapper json = new ObjectMapper();
    private final long run = ThreadLocalRandom.current().nextLong();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicInteger pids = new AtomicInteger();
    private final AtomicInteger attackers = new AtomicInteger();
    private final int firstAttacker = ThreadLocalRandom.current().nextInt(ATTACK_ADDRESSES);
    private final String host = "bench-latency-" + Long.toString(System.currentTimeMillis(), 36);

    /** The host every syslog line of this run names: they are found (and removed) by it. */
    String host() {
        return host;
    }

    /** An address no earlier attack of this run used. */
    String nextAttacker() {
        int n = Math.floorMod(firstAttacker + attackers.getAndIncrement(), ATTACK_ADDRESSES);
        return "198." + (18 + n / (256 * 254)) + "." + (n / 254 % 256) + "." + (1 + n % 254);
    }

    /** A routine API call by one of a few users from the office range. */
    String routineRecord(Instant time) {
        var random = ThreadLocalRandom.current();
        String[] call = ROUTINE[random.nextInt(ROUTINE.length)];
        return record(time, USERS[random.nextInt(USERS.length)], call[0], call[1],
                office(random.nextInt(OFFICE_ADDRESSES))).toString();
    }

    /** The single-event attack: the AWS Config recorder stopped (defense evasion), from the attacker. */
    String configRecorderStopped(Instant time, String attacker) {
        ObjectNode record = record(time, "ops-admin", "config.amazonaws.com", "StopConfigurationRecorder", attacker);
        record.putObject("requestParameters").put("configurationRecorderName", "default");
        return record.toString();
    }

    /** A routine syslog line: cron nine times in ten, else a login by key. */
    String routineLine(Instant time) {
        var random = ThreadLocalRandom.current();
        int pick = random.nextInt(10);
        if (pick == 0) {
            return line(time, AUTH_INFO, "sshd", "Accepted publickey for deploy from "
                    + office(random.nextInt(OFFICE_ADDRESSES)) + " port " + (40_000 + random.nextInt(20_000))
                    + " ssh2: ED25519 SHA256:bench");
        }
        return line(time, CRON_INFO, "CRON", pick % 2 == 0
                ? "pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)"
                : "(root) CMD (cd / && run-parts --report /etc/cron.hourly)");
    }

    /**
     * The correlation's attack: as many failed passwords for one account from the attacker as the
     * correlation needs, each from a connection (sshd process) of its own, so that each counts as one
     * failure. One account only: the password spraying correlation (5 accounts) stays out of it.
     */
    List<String> bruteForce(Instant time, String attacker) {
        List<String> lines = new ArrayList<>(BRUTE_FORCE_FAILURES);
        for (int i = 0; i < BRUTE_FORCE_FAILURES; i++) {
            lines.add(line(time, AUTH_INFO, "sshd", "Failed password for root from " + attacker + " port "
                    + (50_000 + i) + " ssh2"));
        }
        return lines;
    }

    private ObjectNode record(Instant time, String user, String service, String action, String ip) {
        ObjectNode record = json.createObjectNode();
        record.put("eventVersion", "1.09");
        record.putObject("userIdentity").put("type", "IAMUser")
                .put("principalId", "AIDA" + Integer.toHexString(user.hashCode()).toUpperCase(Locale.ROOT))
                .put("arn", "arn:aws:iam::" + ACCOUNT + ":user/" + user).put("accountId", ACCOUNT)
                .put("userName", user);
        // CloudTrail writes whole seconds
        record.put("eventTime", time.truncatedTo(ChronoUnit.SECONDS).toString());
        record.put("eventSource", service);
        record.put("eventName", action);
        record.put("awsRegion", "eu-west-1");
        record.put("sourceIPAddress", ip);
        record.put("userAgent", CLI);
        record.put("requestID", new UUID(run, ids.getAndIncrement()).toString());
        record.put("eventID", new UUID(run, ids.getAndIncrement()).toString());
        record.put("readOnly", action.startsWith("Describe") || action.startsWith("Get")
                || action.startsWith("Filter"));
        record.put("eventType", "AwsApiCall");
        record.put("recipientAccountId", ACCOUNT);
        return record;
    }

    /**
     * A line as rsyslog forwards it, with an ISO time (exact to the microsecond, no year or zone to
     * guess) and a process id of its own: sshd's lines are read in the light of earlier lines of the
     * same process, and every line here stands alone.
     */
    private String line(Instant time, int priority, String program, String message) {
        int pid = 1000 + Math.floorMod(pids.getAndIncrement(), 4_000_000);
        return "<" + priority + ">" + time + " " + host + " " + program + "[" + pid + "]: " + message + "\n";
    }

    private static String office(int n) {
        return "10.20." + (n / 254) + "." + (1 + n % 254);
    }
}
