package io.vigil.devstack;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code ./vigil up|down|status} commands: the whole product on this machine, no Docker.
 * {@code up} runs in the foreground until Ctrl-C; {@code down} stops a stack started elsewhere,
 * touching only the processes recorded in its pid files.
 */
public final class DevStackCli {

    static final List<String[]> DEMO_USERS = List.of(
            new String[]{"analyst", "analyst-demo", "soc-analyst"},
            new String[]{"handler", "handler-demo", "incident-handler"},
            new String[]{"responder", "responder-demo", "incident-handler"},
            new String[]{"manager", "manager-demo", "soc-manager"},
            new String[]{"engineer", "engineer-demo", "detection-engineer"},
            new String[]{"admin", "admin-demo", "admin"},
            new String[]{"auditor", "auditor-demo", "auditor"},
            new String[]{"analyst-eu", "analyst-eu-demo", "soc-analyst, scopes aws-prod and linux (no vpc-demo)"});

    private DevStackCli() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        Map<String, String> env = System.getenv();
        var layout = StackLayout.here(Path.of(env.getOrDefault("VIGIL_DATA_DIR", ".vigil")));
        try {
            switch (command) {
                case "up" -> up(layout, StackPorts.fromEnvironment(env));
                case "down" -> down(layout);
                case "status" -> status(layout, StackPorts.fromEnvironment(env));
                default -> {
                    System.err.println("usage: vigil up|down|status");
                    System.exit(2);
                }
            }
        } catch (StackException e) {
            System.err.println("vigil: " + e.getMessage());
            System.exit(1);
        } catch (IOException e) {
            System.err.println("vigil: " + e.getMessage());
            System.exit(1);
        }
    }

    static void up(StackLayout layout, StackPorts ports) throws IOException {
        Path stackPid = layout.runDir().resolve("stack.pid");
        Optional<ProcessHandle> running = ManagedProcess.recorded(stackPid);
        if (running.isPresent()) {
            throw new StackException("a stack is already running (pid " + running.get().pid()
                    + ") on " + layout.dataDir() + ". Stop it with ./vigil down.");
        }
        ports.requireAllFree();
        Files.createDirectories(layout.runDir());
        ManagedProcess.writePidFile(stackPid, ProcessHandle.current());

        Instant begin = Instant.now();
        System.out.println("Starting OpenSearch, PostgreSQL and Keycloak (data in " + layout.dataDir() + ") ...");
        var stack = new DevStack(layout, ports);
        var server = new VigilServerService(layout, ports, stack.serverConfig());
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Vigil and its services ...");
            server.stop();
            stack.close();
            deleteQuietly(stackPid);
            System.out.println("Stopped.");
            stopped.countDown();
        }));
        try {
            stack.start();
            System.out.println("Starting the Vigil server ...");
            server.start();
            server.awaitReady(Duration.ofMinutes(2));
        } catch (StackException e) {
            System.err.println("vigil: " + e.getMessage());
            System.exit(1);
        }
        List<String> seeded = seedDemoData(ports);
        printBanner(stack, server, Duration.between(begin, Instant.now()), seeded);
        watch(List.of(stack.openSearch(), stack.postgres(), stack.keycloak(), server), stopped);
    }

    /** Demo sources and events, the first time; a failure here leaves a usable, empty console. */
    private static List<String> seedDemoData(StackPorts ports) {
        try {
            return new DemoData(new AdminClient(ports), ports.syslog()).seed();
        } catch (IOException | StackException e) {
            System.err.println(
                    "vigil: demo data could not be loaded (" + e.getMessage() + "); the console works without it.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.of();
    }

    private static void printBanner(DevStack stack, VigilServerService server, Duration took, List<String> seeded) {
        var out = new StringBuilder();
        out.append("\nVigil is up after ").append(took.toSeconds()).append(" s: ").append(server.url()).append('\n');
        out.append("\n  Demo logins (user / password / role):\n");
        for (String[] user : DEMO_USERS) {
            out.append(String.format("    %-10s %-15s %s%n", user[0], user[1], user[2]));
        }
        if (!seeded.isEmpty()) {
            out.append("\n  Demo data loaded into: ").append(String.join(", ", seeded)).append('\n');
        }
        out.append("\n  Syslog      udp and tcp port ").append(stack.ports().syslog()).append(" -> source 'syslog'");
        out.append("\n  OpenSearch  ").append(stack.openSearch().url());
        out.append("\n  PostgreSQL  ").append(stack.postgres().jdbcUrl()).append("  (vigil / vigil)");
        out.append("\n  Keycloak    ").append(stack.keycloak().url()).append("/admin  (admin / admin)");
        out.append("\n  Health      http://localhost:").append(stack.ports().management())
                .append("/q/health/ready  (management port, with /q/metrics; not on the console's port)");
        out.append("\n  Logs        ").append(stack.layout().runDir());
        out.append("\n\nCtrl-C stops everything.\n");
        System.out.println(out);
    }

    /** Says so when a service dies under a running stack, instead of failing silently later. */
    private static void watch(List<StackService> services, CountDownLatch stopped) {
        var reported = new java.util.HashSet<String>();
        try {
            while (!stopped.await(5, java.util.concurrent.TimeUnit.SECONDS)) {
                for (StackService service : services) {
                    if (!service.isRunning() && reported.add(service.name())) {
                        System.err.println("vigil: " + service.name() + " has stopped; see its log in the run folder.");
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void down(StackLayout layout) throws IOException {
        Path stackPid = layout.runDir().resolve("stack.pid");
        Optional<ProcessHandle> stack = ManagedProcess.recorded(stackPid);
        if (stack.isPresent()) {
            System.out.println("Stopping the stack (pid " + stack.get().pid() + ") ...");
            stack.get().destroy();
            stack.get().onExit().orTimeout(90, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        int leftovers = 0;
        if (Files.isDirectory(layout.runDir())) {
            try (DirectoryStream<Path> pids = Files.newDirectoryStream(layout.runDir(), "*.pid")) {
                for (Path pidFile : pids) {
                    Optional<ProcessHandle> process = ManagedProcess.recorded(pidFile);
                    if (process.isPresent()) {
                        System.out.println("Stopping " + pidFile.getFileName() + " (pid " + process.get().pid() + ")");
                        ManagedProcess.stopTree(process.get(), Duration.ofSeconds(30));
                        leftovers++;
                    }
                    deleteQuietly(pidFile);
                }
            }
        }
        System.out.println(stack.isEmpty() && leftovers == 0 ? "Nothing was running." : "Stopped.");
    }

    static void status(StackLayout layout, StackPorts ports) throws IOException {
        Optional<ProcessHandle> stack = ManagedProcess.recorded(layout.runDir().resolve("stack.pid"));
        System.out.println("stack       " + stack.map(p -> "running (pid " + p.pid() + ")").orElse("not running"));
        line("vigil", "http://localhost:" + ports.management() + "/q/health/ready");
        line("opensearch", "http://localhost:" + ports.openSearch() + "/_cluster/health");
        line("keycloak", "http://localhost:" + ports.keycloak() + "/realms/" + KeycloakService.REALM);
        System.out.println("postgres    " + (Ports.isFree(ports.postgres()) ? "down" : "listening")
                + "  port " + ports.postgres());
    }

    private static void line(String name, String url) {
        int status = Http.status(url);
        String state = status == 200 ? "up" : status < 0 ? "down" : "answering " + status;
        System.out.printf("%-11s %s  %s%n", name, state, url);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.err.println("could not remove " + file + ": " + e.getMessage());
        }
    }
}
