package org.okrpm.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.okrpm.stack.AotCache;
import org.okrpm.stack.LocalStack;
import org.okrpm.stack.ServiceProcess;

/**
 * {@code ./benchmarks/run}: measures the local stack once per {@link Setting} (today's JVM settings, then the new
 * ones of issue #18), each on a fresh stack on free ports in a fresh folder under benchmarks/target: (in this order,
 * on the same stack) the Kafka floor, event propagation, the burst, its catch-up and the bulk run, gateway overhead,
 * memory after the load, each service's restart and the whole stack's restart; then writes a Markdown report that
 * sets the settings side by side against the targets. See docs/benchmarks.md for the method and the recorded results.
 */
public final class BenchmarkMain {

    private static final Duration CONSUMED_WITHIN = Duration.ofMinutes(5);
    private static final String BUILD_WITH_AOT = "build with -Daot.jdk=<JDK 25 home>: ./benchmarks/run --build does it "
            + "when a JDK 25 is found (local-stack/aot-jdk)";

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Options options = Options.parse(args);
        if (options.serviceJvm() != null) {
            System.setProperty(ServiceProcess.JVM_OPTIONS_PROPERTY, options.serviceJvm());
        }
        Path root = Path.of("").toAbsolutePath();
        List<String> untrained = untrained(root);
        if (options.settings().contains(Setting.NEW) && !untrained.isEmpty()) {
            // before today's run, not twelve minutes into it
            System.err.println("The new settings need each service's trained AOT cache, missing (or older than the "
                    + "service's build) for " + String.join(", ", untrained) + ": " + BUILD_WITH_AOT
                    + ". Or run --settings today.");
            System.exit(2);
        }
        Comparison report = new Comparison(options, Machine.describe(root));
        if (!options.settings().contains(Setting.NEW)) {
            report.newNotRun("`--settings today` (./benchmarks/run gives it when local-stack/aot-jdk finds no JDK 25)"
                    + (untrained.isEmpty() ? "" : "; no trained AOT cache for " + String.join(", ", untrained)
                    + ": " + BUILD_WITH_AOT));
        }
        Files.createDirectories(root.resolve("benchmarks/target"));
        Path out = root.resolve(options.out());
        for (Setting setting : options.settings()) {
            report.add(run(root, setting, options));
            // written after each setting, so today's numbers survive a failure of the next run
            Files.createDirectories(out.getParent());
            Files.writeString(out, report.markdown());
        }
        System.out.println();
        System.out.println(report.markdown());
        System.out.println("Written to " + out);
    }

    /** The whole measurement with one setting, on a stack and data folder of its own. */
    private static Report run(Path root, Setting setting, Options options) throws Exception {
        setting.apply();
        Report report = new Report(options, setting);
        Path data = Files.createTempDirectory(root.resolve("benchmarks/target"), "bench-data-" + setting.label() + "-");
        LocalStack.Ports ports = LocalStack.Ports.free();
        // the benchmark is one client sending thousands of requests a second: no per-client rate limit
        Map<String, String> overrides = Map.of("okrpm.gateway.rate-limit.enabled", "false");

        step(setting.title());
        step("Starting the local stack in " + data);
        long started = System.nanoTime();
        LocalStack stack = LocalStack.start(root, data, ports, false, true, overrides);
        report.firstStart(seconds(started));
        try {
            requireStartedAsAsked(stack, setting);
            report.jdk(Machine.javaHome(stack.service(LocalStack.GATEWAY).pid()).orElse(null));
            measure(stack, ports, options, report);
        } finally {
            stack.close();
        }
        step("Starting the whole stack again on its data");
        started = System.nanoTime();
        LocalStack again = LocalStack.start(root, data, LocalStack.Ports.free(), false, true, overrides);
        report.startOnData(seconds(started));
        try {
            requireStartedAsAsked(again, setting);
        } finally {
            again.close();
        }
        return report;
    }

    /**
     * The services whose trained AOT cache is missing or older than their local build: the test {@link ServiceProcess}
     * makes before it launches a service from its cache, done here before any run (each started service is checked
     * again with {@link ServiceProcess#fromAotCache()}).
     */
    private static List<String> untrained(Path root) {
        return Setting.services().stream().filter(service -> !AotCache.isTrained(root, service)).toList();
    }

    private static void requireStartedAsAsked(LocalStack stack, Setting setting) {
        List<String> wrong = setting.notStartedAsAsked(stack);
        if (!wrong.isEmpty()) {
            throw new IllegalStateException(String.join(", ", wrong) + (setting == Setting.NEW
                    ? " did not start from a trained AOT cache: " + BUILD_WITH_AOT
                    : " started from an AOT cache although " + AotCache.ENABLED_PROPERTY + "=off"));
        }
    }

    private static void measure(LocalStack stack, LocalStack.Ports ports, Options options, Report report)
            throws Exception {
        String gateway = "http://localhost:" + ports.gateway();
        String kafka = stack.broker().bootstrapServers();
        Api api = Api.member(gateway, "benchmark");

        step("Kafka floor: " + options.completions() + " records at " + options.rate() + "/s");
        report.floor(KafkaFloor.measure(kafka, options.completions(), options.rate()));
        try (ProgressStreamClient stream = new ProgressStreamClient(api)) {
            propagation(api, stream, kafka, options, report);
            burst(stack, api, stream, kafka, options, report);
        }
        gatewayOverhead(stack, api, gateway, options, report);

        for (String name : Setting.services()) {
            report.memory(name, Machine.rss(stack.service(name).pid()));
        }
        report.memory("kafka broker", Machine.rss(stack.broker().pid()));

        step("Start-up: each service restarted alone");
        report.startup(Startup.restartEach(stack));
    }

    /** Run A listens on the stream only; run B also polls GET (on key results of their own). */
    private static void propagation(Api api, ProgressStreamClient stream, String kafka, Options options, Report report)
            throws Exception {
        int perKeyResult = Math.max(1, options.completions() / 10);
        step("Propagation fixture: 2 x 10 key results x " + perKeyResult + " tasks (+ a warm-up key result)");
        List<Fixture.LinkedKeyResult> warmUp = Fixture.create(api, 1, 100, 4);
        List<Fixture.LinkedKeyResult> streamOnly = Fixture.create(api, 10, perKeyResult, 4);
        List<Fixture.LinkedKeyResult> polled = Fixture.create(api, 10, perKeyResult, 4);
        ConsumerLag.awaitCaughtUp(kafka, "okr-service", Burst.ROLLUPS, CONSUMED_WITHIN);
        try (PipelineTrace trace = new PipelineTrace(kafka)) {
            step("Propagation warm-up: 100 completions");
            Propagation.run(api, stream, trace, warmUp, 100, options.rate(), true);
            step("Propagation, stream only: " + options.completions() + " completions at " + options.rate() + "/s");
            Propagation.Result onStream = Propagation.run(api, stream, trace, streamOnly, options.completions(),
                    options.rate(), false);
            step("Propagation, polling GET: " + options.completions() + " completions at " + options.rate() + "/s");
            report.propagation(onStream, Propagation.run(api, stream, trace, polled, options.completions(),
                    options.rate(), true));
        }
    }

    /**
     * Every task DONE with single PATCHes through the gateway; every task reopened in bulk while okr-service is
     * down, then its catch-up; every task DONE again in bulk through the gateway, end to end.
     */
    private static void burst(LocalStack stack, Api api, ProgressStreamClient stream, String kafka, Options options,
                              Report report) throws Exception {
        step("Burst fixture: " + options.burstKeyResults() + " key results x " + options.burstTasksPerKeyResult()
                + " tasks");
        List<Fixture.LinkedKeyResult> burst = Fixture.create(api, options.burstKeyResults(),
                options.burstTasksPerKeyResult(), 4);
        ConsumerLag.awaitCaughtUp(kafka, "okr-service", Burst.ROLLUPS, CONSUMED_WITHIN);
        step("Burst: every task DONE with its own PATCH, " + options.clients() + " clients");
        Map<String, Long> cpuBefore = cpuMillis(stack);
        Burst.Result live = Burst.live(api, stream, kafka, burst, options.clients());
        report.liveBurst(live);
        report.cpuPerChange("live", cpuSince(stack, cpuBefore, live.changes()));

        ConsumerLag.awaitCaughtUp(kafka, "okr-service", Burst.ROLLUPS, CONSUMED_WITHIN);
        step("Catch-up: okr-service stopped, every task reopened in bulk (" + options.bulkSize()
                + " per request), okr-service started");
        report.catchUpBurst(Burst.catchUp(api, stream, kafka, burst, options.bulkSize(), new Burst.OkrServiceControl() {
            @Override
            public void stop() {
                stack.service("okr-service").stop();
            }

            @Override
            public void start() {
                stack.startService("okr-service");
            }
        }));

        ConsumerLag.awaitCaughtUp(kafka, "okr-service", Burst.ROLLUPS, CONSUMED_WITHIN);
        step("Bulk: every task DONE through POST /api/v1/tasks/bulk, " + options.bulkSize() + " per request");
        cpuBefore = cpuMillis(stack);
        Burst.Result bulk = Burst.bulk(api, stream, kafka, burst, options.bulkSize());
        report.bulkBurst(bulk);
        report.cpuPerChange("bulk", cpuSince(stack, cpuBefore, bulk.changes()));
    }

    /** CPU ms per task change each process used since {@code before}. */
    private static Map<String, Double> cpuSince(LocalStack stack, Map<String, Long> before, int changes) {
        Map<String, Double> perChange = new java.util.LinkedHashMap<>();
        cpuMillis(stack).forEach((name, ms) -> perChange.put(name, (ms - before.get(name)) / (double) changes));
        return perChange;
    }

    /** The same GET of a key result, direct to okr-service and through the gateway, with 1 and N connections. */
    private static void gatewayOverhead(LocalStack stack, Api api, String gateway, Options options, Report report)
            throws Exception {
        String path = "/api/v1/key-results/" + Fixture.create(api, 1, 1, 1).get(0).id();
        String direct = stack.service("okr-service").url() + path;
        String viaGateway = gateway + path;
        for (int connections : new int[] {1, options.connections()}) {
            step("Gateway overhead: GET " + path + " with " + connections + " connection(s), direct then gateway");
            report.load("Java harness",
                    withCpu(stack, () -> HttpLoad.run(direct, api.token(), connections, 5, options.loadSeconds())),
                    withCpu(stack, () -> HttpLoad.run(viaGateway, api.token(), connections, 5, options.loadSeconds())));
        }
        if (Wrk.installed()) {
            step("Gateway overhead cross-check with wrk");
            Wrk.run(direct, api.token(), options.connections(), 5);
            Wrk.run(viaGateway, api.token(), options.connections(), 5);
            report.load("wrk",
                    withCpu(stack, () -> Wrk.run(direct, api.token(), options.connections(), options.loadSeconds())
                            .orElseThrow()),
                    withCpu(stack, () -> Wrk.run(viaGateway, api.token(), options.connections(), options.loadSeconds())
                            .orElseThrow()));
        }
    }

    interface Load {
        HttpLoad.Result run() throws Exception;
    }

    /** A load run and the CPU time the gateway and okr-service spent per request during it. */
    private static HttpLoad.Result withCpu(LocalStack stack, Load load) throws Exception {
        Map<String, Long> before = cpuMillis(stack);
        HttpLoad.Result result = load.run();
        Map<String, Long> after = cpuMillis(stack);
        double requests = result.requestsPerSecond() * result.seconds();
        return result.withCpu((after.get("okr-service") - before.get("okr-service")) / requests,
                (after.get(LocalStack.GATEWAY) - before.get(LocalStack.GATEWAY)) / requests);
    }

    /** CPU time used so far by each process of the stack, and by this benchmark's own JVM. */
    private static Map<String, Long> cpuMillis(LocalStack stack) {
        Map<String, Long> cpu = new java.util.LinkedHashMap<>();
        for (String name : LocalStack.BACKEND_SERVICES) {
            cpu.put(name, Machine.cpuMillis(stack.service(name).pid()));
        }
        cpu.put(LocalStack.GATEWAY, Machine.cpuMillis(stack.service(LocalStack.GATEWAY).pid()));
        cpu.put("kafka broker", Machine.cpuMillis(stack.broker().pid()));
        cpu.put("benchmark client", Machine.cpuMillis(ProcessHandle.current().pid()));
        return cpu;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void step(String what) {
        System.out.printf("%tT %s%n", System.currentTimeMillis(), what);
    }
}
