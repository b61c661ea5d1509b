package io.vigil.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Demo events for {@code ./vigil up}: a day of CloudTrail activity with an attacker among ordinary
 * users, a Linux host's auth and firewall log (sent to the syslog listener, as a real host would),
 * and VPC flow logs. Generated here (no third-party data), from a fixed seed, with times in the last
 * 24 hours. Seeded once: a source that exists already is left as it is.
 */
final class DemoData {

    static final String CLOUDTRAIL = "aws-demo";
    static final String SYSLOG = "syslog";
    static final String VPCFLOW = "vpc-demo";
    /** The flow logs' data scope; the demo realm's analyst-eu is not in its group. */
    static final String NETWORK_SCOPE = "network";

    private static final String ACCOUNT = "111122223333";
    private static final String ATTACKER = "203.0.113.66";
    private static final List<String> OFFICE = List.of("198.51.100.10", "198.51.100.11", "198.51.100.12");
    private static final DateTimeFormatter RFC3164 = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final AdminClient admin;
    private final int syslogPort;
    private final ObjectMapper json = new ObjectMapper();
    private final Random random = new Random(42);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    DemoData(AdminClient admin, int syslogPort) {
        this.admin = admin;
        this.syslogPort = syslogPort;
    }

    /** Creates the demo sources that do not exist yet and fills them; returns what it did, for the banner. */
    List<String> seed() throws IOException, InterruptedException {
        List<String> done = new ArrayList<>();
        // the traffic spike correlation of the last built-in pack (vigil-correlations)
        if (!admin.awaitBuiltinRules("4252dfdf-2f95-4b2d-a043-41ae6e02be3c", Duration.ofMinutes(3))) {
            System.err.println("vigil: the built-in rule packs are still loading; demo events may get no findings");
        }
        if (!admin.sourceExists(CLOUDTRAIL)) {
            String token = admin.createSource(CLOUDTRAIL, "cloudtrail", "aws-prod", 30);
            admin.ingest(CLOUDTRAIL, token, cloudTrail());
            done.add(CLOUDTRAIL + " (CloudTrail)");
        }
        if (!admin.sourceExists(VPCFLOW)) {
            String token = admin.createSource(VPCFLOW, "vpcflow", NETWORK_SCOPE, 30);
            admin.ingest(VPCFLOW, token, vpcFlow());
            done.add(VPCFLOW + " (VPC Flow Logs)");
        }
        if (!admin.sourceExists(SYSLOG)) {
            admin.createSource(SYSLOG, "syslog", "linux", 30);
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), syslogPort);
                    OutputStream out = socket.getOutputStream()) {
                out.write(syslog());
            }
            done.add(SYSLOG + " (syslog over TCP " + syslogPort + ")");
        }
        // the scoped demo analyst (analyst-eu: groups aws-prod and linux) must not read flow logs, also in a
        // data folder made before the flow logs had a scope of their own
        admin.setScope(VPCFLOW, NETWORK_SCOPE);
        return done;
    }

    private byte[] cloudTrail() {
        StringBuilder lines = new StringBuilder();
        String[][] routine = {
                {"alice", "ec2.amazonaws.com", "DescribeInstances"}, {"alice", "s3.amazonaws.com", "ListBuckets"},
                {"bob", "s3.amazonaws.com", "GetObject"}, {"bob", "logs.amazonaws.com", "FilterLogEvents"},
                {"ci-deployer", "lambda.amazonaws.com", "UpdateFunctionCode20150331v2"},
                {"ci-deployer", "cloudformation.amazonaws.com", "DescribeStacks"},
                {"alice", "iam.amazonaws.com", "ListUsers"}};
        for (int i = 0; i < 400; i++) {
            String[] call = routine[random.nextInt(routine.length)];
            lines.append(record(at(i, 400), call[0], call[1], call[2], pick(OFFICE), null)).append('\n');
        }
        // An attacker guesses a console password, gets in, and works towards persistence and stealth.
        Instant attack = now.minus(Duration.ofHours(3));
        for (int i = 0; i < 6; i++) {
            lines.append(record(attack.plusSeconds(i * 7L), "bob", "signin.amazonaws.com", "ConsoleLogin", ATTACKER,
                    "Failed authentication")).append('\n');
        }
        String[] steps = {"ConsoleLogin", "GetCallerIdentity", "ListUsers", "CreateUser", "CreateAccessKey",
                "AttachUserPolicy", "StopLogging", "PutBucketPolicy"};
        String[] services = {"signin.amazonaws.com", "sts.amazonaws.com", "iam.amazonaws.com", "iam.amazonaws.com",
                "iam.amazonaws.com", "iam.amazonaws.com", "cloudtrail.amazonaws.com", "s3.amazonaws.com"};
        for (int i = 0; i < steps.length; i++) {
            lines.append(record(attack.plusSeconds(60 + i * 40L), "bob", services[i], steps[i], ATTACKER, null))
                    .append('\n');
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String record(Instant time, String user, String service, String action, String ip, String error) {
        ObjectNode record = json.createObjectNode();
        record.put("eventVersion", "1.09");
        ObjectNode identity = record.putObject("userIdentity");
        identity.put("type", "IAMUser").put("principalId", "AIDA" + Integer.toHexString(user.hashCode()).toUpperCase())
                .put("arn", "arn:aws:iam::" + ACCOUNT + ":user/" + user).put("accountId", ACCOUNT)
                .put("userName", user);
        record.put("eventTime", time.toString());
        record.put("eventSource", service);
        record.put("eventName", action);
        record.put("awsRegion", "eu-west-1");
        record.put("sourceIPAddress", ip);
        record.put("userAgent", ip.equals(ATTACKER)
                ? "Mozilla/5.0 (X11; Linux x86_64) python-requests/2.31"
                : "aws-cli/2.15.0 Python/3.11 Linux/6.1");
        if (error != null) {
            record.put("errorMessage", error);
            record.putObject("responseElements").put("ConsoleLogin", "Failure");
        } else if (action.equals("ConsoleLogin")) {
            record.putObject("responseElements").put("ConsoleLogin", "Success");
        } else if (action.equals("CreateUser")) {
            record.putObject("requestParameters").put("userName", "backup-svc");
        } else if (action.equals("StopLogging")) {
            record.putObject("requestParameters").put("name",
                    "arn:aws:cloudtrail:eu-west-1:" + ACCOUNT + ":trail/main");
        } else if (action.equals("GetObject")) {
            record.putObject("requestParameters").put("bucketName", "reports-" + ACCOUNT).put("key",
                    "2026/q" + (1 + random.nextInt(4)) + ".pdf");
        }
        record.put("requestID", new java.util.UUID(random.nextLong(), random.nextLong()).toString());
        record.put("eventID", new java.util.UUID(random.nextLong(), random.nextLong()).toString());
        record.put("readOnly", action.startsWith("Describe") || action.startsWith("List") || action.startsWith("Get"));
        record.put("eventType", action.equals("ConsoleLogin") ? "AwsConsoleSignIn" : "AwsApiCall");
        record.put("recipientAccountId", ACCOUNT);
        return record.toString();
    }

    private byte[] syslog() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            Instant time = at(i, 120);
            int pid = 20_000 + i;
            switch (random.nextInt(4)) {
                case 0 -> line(lines, time, "sshd", pid, "Accepted publickey for alice from " + pick(OFFICE) + " port "
                        + (40_000 + random.nextInt(20_000)) + " ssh2: ED25519 SHA256:demo");
                case 1 -> line(lines, time, "sudo", pid,
                        "   alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx");
                case 2 -> line(lines, time, "kernel", null, "[UFW BLOCK] IN=eth0 OUT= MAC=00:00:00:00:00:00 SRC="
                        + "192.0.2." + (1 + random.nextInt(200))
                        + " DST=198.51.100.5 LEN=44 TOS=0x00 PREC=0x00 TTL=240 "
                        + "ID=54321 PROTO=TCP SPT=" + (1024 + random.nextInt(60_000)) + " DPT=" + pick(List.of("23",
                                "3389", "445", "5900"))
                        + " WINDOW=1024 RES=0x00 SYN URGP=0");
                default -> line(lines, time, "CRON", pid,
                        "pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)");
            }
        }
        // A password-guessing run against sshd from one address, then a success.
        Instant brute = now.minus(Duration.ofHours(2));
        String[] users = {"admin", "oracle", "test", "ubuntu", "root", "postgres", "git", "root"};
        for (int i = 0; i < 40; i++) {
            String user = users[i % users.length];
            boolean invalid = !user.equals("root") && !user.equals("git");
            line(lines, brute.plusSeconds(i * 3L), "sshd", 31_000 + i / 3,
                    "Failed password for " + (invalid ? "invalid user " : "") + user + " from " + ATTACKER + " port "
                            + (50_000 + i) + " ssh2");
        }
        line(lines, brute.plusSeconds(130), "sshd", 31_020,
                "Accepted password for git from " + ATTACKER + " port 50200 ssh2");
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder lines, Instant time, String program, Integer pid, String message) {
        lines.append("<38>").append(RFC3164.format(time)).append(" web-01 ").append(program)
                .append(pid == null ? "" : "[" + pid + "]").append(": ").append(message).append('\n');
    }

    private byte[] vpcFlow() {
        StringBuilder lines = new StringBuilder(
                "version account-id interface-id srcaddr dstaddr srcport dstport protocol "
                        + "packets bytes start end action log-status\n");
        for (int i = 0; i < 300; i++) {
            long start = at(i, 300).getEpochSecond();
            boolean inbound = random.nextBoolean();
            String outside = "192.0.2." + (1 + random.nextInt(250));
            String inside = "10.0.1." + (10 + random.nextInt(5));
            int port = inbound ? pick(List.of(443, 22, 3389, 5432)) : 443;
            boolean reject = inbound && port != 443;
            lines.append("2 ").append(ACCOUNT).append(" eni-0a1b2c3d4e5f ")
                    .append(inbound ? outside : inside).append(' ').append(inbound ? inside : outside).append(' ')
                    .append(inbound ? 1024 + random.nextInt(60_000) : 32_768 + random.nextInt(20_000)).append(' ')
                    .append(inbound ? port : 443).append(" 6 ").append(reject ? 1 : 5 + random.nextInt(50)).append(' ')
                    .append(reject ? 44 : 400 + random.nextInt(90_000)).append(' ').append(start).append(' ')
                    .append(start + 60).append(reject ? " REJECT OK\n" : " ACCEPT OK\n");
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The i-th of n moments spread over the last 24 hours, oldest first, with a little jitter. */
    private Instant at(int i, int n) {
        long step = Duration.ofHours(24).toSeconds() / n;
        return now.minusSeconds(Duration.ofHours(24).toSeconds() - i * step - random.nextInt((int) Math.max(1, step)));
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
