package org.okrpm.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.okrpm.stack.AotCache;

/**
 * The detailed sections of one run (one {@link Setting}), each table with the target it is held against, and the
 * numbers {@link Comparison} sets side by side.
 */
final class Report {

    /** A gateway-overhead load: the same GET direct to okr-service and through the gateway. */
    record Load(String tool, HttpLoad.Result direct, HttpLoad.Result gateway) {

        double throughputRatio() {
            return gateway.requestsPerSecond() / direct.requestsPerSecond();
        }
    }

    private final Options options;
    private final Setting setting;
    private Path jdk;
    private Latencies.Summary floor;
    private Propagation.Result streamOnly;
    private Propagation.Result polling;
    private final List<String> burstRows = new ArrayList<>();
    private final List<String> loadRows = new ArrayList<>();
    private final List<String> loadRatios = new ArrayList<>();
    private final List<String> memoryRows = new ArrayList<>();
    /** Process → run (live, bulk) → CPU ms per task change. */
    private final Map<String, Map<String, Double>> cpu = new LinkedHashMap<>();
    private final List<String> startupRows = new ArrayList<>();
    private final List<Load> loads = new ArrayList<>();
    private final Map<String, Machine.Memory> memory = new LinkedHashMap<>();
    private final Map<String, Startup.Row> restarts = new LinkedHashMap<>();
    private double firstStart = Double.NaN;
    private double startOnData = Double.NaN;

    Report(Options options, Setting setting) {
        this.options = options;
        this.setting = setting;
    }

    Setting setting() {
        return setting;
    }

    /** The home of the JDK the services ran on. */
    void jdk(Path home) {
        this.jdk = home;
    }

    Optional<Path> jdk() {
        return Optional.ofNullable(jdk);
    }

    /** Run A's progress changes on the SSE stream (the propagation the targets are about), if measured. */
    Optional<Latencies.Summary> propagationOnStream() {
        return Optional.ofNullable(streamOnly).map(run -> run.onStream().summary());
    }

    /** The load of {@code tool} with {@code connections}, if run. */
    Optional<Load> load(String tool, int connections) {
        return loads.stream().filter(l -> l.tool().equals(tool) && l.direct().connections() == connections)
                .findFirst();
    }

    Optional<Machine.Memory> memory(String process) {
        return Optional.ofNullable(memory.get(process));
    }

    Optional<Startup.Row> restart(String service) {
        return Optional.ofNullable(restarts.get(service));
    }

    double firstStart() {
        return firstStart;
    }

    double startOnData() {
        return startOnData;
    }

    void floor(Latencies floorLatencies) {
        this.floor = floorLatencies.summary();
    }

    void propagation(Propagation.Result streamOnly, Propagation.Result polling) {
        this.streamOnly = streamOnly;
        this.polling = polling;
    }

    void liveBurst(Burst.Result r) {
        burstRows.add(String.format(Locale.ROOT, "| live: every task DONE, one PATCH each, %d clients | %s | sent in "
                        + "%.1f s (%.0f/s) | %s | **%.0f** | %d of %d |", options.clients(), counts(r), r.sendSeconds(),
                r.sendPerSecond(), fromFirstRequest(r), r.changesPerSecond(), r.exact(), r.keyResults()));
    }

    void catchUpBurst(Burst.Result r) {
        double drain = r.drainedSeconds() - r.firstChangeSeconds();
        String rate = r.drainedSeconds() <= r.readySeconds() ? "drained before readiness was reported"
                : String.format(Locale.ROOT, "**%.0f** from ready; first → last change %.2f s%s", r.changesPerSecond(),
                drain, drain < 0.05 ? "" : String.format(Locale.ROOT, " (%.0f/s)", r.changesPerSecondOfDrain()));
        burstRows.add(String.format(Locale.ROOT, "| catch-up: every task reopened in bulk (%d per request) while "
                        + "okr-service was down; okr-service started | %s | sent in %.1f s (%.0f/s), before the "
                        + "start | ready %.2f s after its start; first change %.2f s, last key result exact %.2f s after its "
                        + "start | %s | %d of %d |", options.bulkSize(), counts(r), r.sendSeconds(), r.sendPerSecond(),
                r.readySeconds(), r.firstChangeSeconds(), r.drainedSeconds(), rate, r.exact(), r.keyResults()));
    }

    void bulkBurst(Burst.Result r) {
        burstRows.add(String.format(Locale.ROOT, "| bulk: every task DONE, POST /api/v1/tasks/bulk × %d changes, one "
                        + "request at a time | %s | sent in %.1f s (%.0f/s) | %s | **%.0f** | %d of %d |",
                options.bulkSize(), counts(r), r.sendSeconds(), r.sendPerSecond(), fromFirstRequest(r), r.changesPerSecond(), r.exact(),
                r.keyResults()));
    }

    private static String counts(Burst.Result r) {
        return String.format(Locale.ROOT, "%d | %d | %d | %d", r.changes(), r.keyResults(), r.rollups(),
                r.progressChanges());
    }

    private static String fromFirstRequest(Burst.Result r) {
        return String.format(Locale.ROOT, "first change %.2f s, last key result exact %.2f s after the first request",
                r.firstChangeSeconds(), r.drainedSeconds());
    }

    void load(String tool, HttpLoad.Result direct, HttpLoad.Result gateway) {
        loads.add(new Load(tool, direct, gateway));
        loadRows.add(loadRow(tool, "direct (okr-service)", direct));
        loadRows.add(loadRow(tool, "through the gateway", gateway));
        loadRatios.add(String.format(Locale.ROOT,
                "- %s, %d connection(s): gateway throughput **%.2f×** direct; added p50 **%.2f ms**, added p99 %.2f ms",
                tool, direct.connections(), gateway.requestsPerSecond() / direct.requestsPerSecond(),
                gateway.latency().p50() - direct.latency().p50(), gateway.latency().p99() - direct.latency().p99()));
    }

    private static String loadRow(String tool, String target, HttpLoad.Result r) {
        return String.format(Locale.ROOT, "| %s | %d | %s | %.0f | %.2f | %.2f | %.2f | %.2f | %d | %.3f | %.3f |", tool,
                r.connections(), target, r.requestsPerSecond(), r.latency().p50(), r.latency().p90(),
                r.latency().p99(), r.latency().max(), r.errors(), r.okrCpuMs(), r.gatewayCpuMs());
    }

    void cpuPerChange(String run, Map<String, Double> millisPerChange) {
        millisPerChange.forEach((process, ms) -> cpu.computeIfAbsent(process, p -> new LinkedHashMap<>()).put(run, ms));
    }

    void memory(String process, Machine.Memory rssAndPeak) {
        memory.put(process, rssAndPeak);
        memoryRows.add("| " + process + " | " + rssAndPeak.cells() + " |");
    }

    void startup(List<Startup.Row> rows) {
        rows.forEach(row -> {
            restarts.put(row.service(), row);
            startupRows.add(String.format(Locale.ROOT, "| %s, restarted alone | %.2f | %s |",
                    row.service(), row.secondsToReady(), row.quarkusStartedIn()));
        });
    }

    void firstStart(double seconds) {
        firstStart = seconds;
        stackStart("first start (empty data: migrations, keys, topics)", seconds);
    }

    void startOnData(double seconds) {
        startOnData = seconds;
        stackStart("start on existing data (every later ./run-local)", seconds);
    }

    private void stackStart(String what, double seconds) {
        startupRows.add(String.format(Locale.ROOT, "| whole stack, %s | %.2f | |", what, seconds));
    }

    /** The JVM the services ran on. */
    String jvm() {
        return jdk().map(Machine::jdk).orElse("?");
    }

    /** The services' JVM options: those every service has, then each one's own (the new settings size heaps). */
    String jvmOptions() {
        List<String> services = Setting.services();
        List<String> common = new ArrayList<>(setting.options(services.get(0)));
        services.forEach(service -> common.retainAll(setting.options(service)));
        StringBuilder text = new StringBuilder("every service `").append(String.join(" ", common)).append("`");
        for (String service : services) {
            List<String> own = new ArrayList<>(setting.options(service));
            own.removeAll(common);
            if (!own.isEmpty()) {
                text.append("; ").append(service).append(" `").append(String.join(" ", own)).append("`");
            }
        }
        return text.toString();
    }

    /** What was launched for each service. */
    private String launch() {
        return setting == Setting.TODAY
                ? "`java <options> -jar <service>/target/quarkus-app-local/quarkus-run.jar`, the harness's own java"
                : "`<JDK in app.aot.jdk>/bin/java <options> -jar <service>/target/" + AotCache.BUILD
                        + "/quarkus-run.jar`, as trained by the build with -Daot.jdk";
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(setting.title()).append("\n\n- JVM: ").append(jvm()).append("\n- Options: ")
                .append(jvmOptions()).append("\n- Launch: ").append(launch())
                .append("\n- Kafka broker JVM: `").append(String.join(" ", setting.brokerOptions())).append("`\n\n");
        if (streamOnly != null) {
            md.append("### Propagation: task PATCH to DONE → key result progress (ms)\n\n")
                    .append(String.format(Locale.ROOT, "Two runs of %d completions each at %.0f/s, one at a time "
                                    + "(started late: %d and %d, because the one before was still under way). "
                                    + "Run A only listens on the SSE stream; run B also polls GET every %d µs. "
                                    + "Target (#18): on the stream p50 ≤ 10, p99 ≤ 30.%n%n",
                            streamOnly.patch().summary().count(), options.rate(), streamOnly.late(), polling.late(),
                            Propagation.POLL_MICROS))
                    .append("| measured from just before the PATCH | n | p50 | p90 | p99 | max | p50 ÷ floor p50 |\n")
                    .append("|---|---|---|---|---|---|---|\n")
                    .append(row("floor: bare Kafka produce → consume, same broker", floor, floor))
                    .append(row("A: PATCH answered (gateway → project-service)", streamOnly.patch().summary(), floor))
                    .append(row("A: progress change on the SSE stream", streamOnly.onStream().summary(), floor))
                    .append(row("B: PATCH answered", polling.patch().summary(), floor))
                    .append(row("B: progress visible on GET (gateway → okr-service)", polling.visibleOnGet().summary(),
                            floor))
                    .append(row("B: progress change on the SSE stream", polling.onStream().summary(), floor))
                    .append("\nWhere the time goes in run A (from the events' `ce_time` and Kafka record timestamps; "
                            + "the last row from run B; ms):\n\n")
                    .append("| stage | n | p50 | p90 | p99 | max |\n|---|---|---|---|---|---|\n");
            for (int s = 0; s < PipelineTrace.STAGES.size(); s++) {
                Propagation.Result run = s == PipelineTrace.VISIBLE_ON_GET ? polling : streamOnly;
                md.append("| ").append(PipelineTrace.STAGES.get(s)).append(" | ")
                        .append(run.stages().get(s).summary().cells()).append(" |\n");
            }
            md.append("\n");
        }
        table(md, "Throughput: burst of task changes, drained end to end",
                "Targets: catch-up ≥ 5,000 task changes/s from okr-service ready; the bulk run ≥ 2,000 task changes/s "
                        + "end to end; every key result's final progress and currentValue exact (checked with a GET of "
                        + "each after the stream announced it). The live burst of single PATCHes is for comparison. "
                        + "Rollups: records on project.key-result-work okr-service had to read (catch-up: its backlog "
                        + "when started); progress changes: key-result frames on the SSE stream during the run.",
                "| run | task changes | key results | rollups | progress changes | changes sent | first / last on the "
                        + "stream | task changes/s | exact |\n|---|---|---|---|---|---|---|---|---|",
                burstRows);
        List<String> cpuRows = new ArrayList<>();
        cpu.forEach((process, runs) -> cpuRows.add(String.format(Locale.ROOT, "| %s | %.2f | %.2f |", process,
                runs.getOrDefault("live", Double.NaN), runs.getOrDefault("bulk", Double.NaN))));
        table(md, "CPU per task change in the live and bulk runs (ms)", "CPU time (user + system, from /proc) each "
                        + "process used during the run (from the first change sent to the checking GETs), divided by "
                        + "the task changes: where the two cores go.",
                "| process | live: one PATCH per change | bulk: " + options.bulkSize() + " changes per request |\n"
                        + "|---|---|---|", cpuRows);
        table(md, "Gateway overhead: the same GET of a key result, direct and through the gateway",
                "Target: gateway throughput ≥ 0.8× direct, added p50 ≤ 1 ms, gateway CPU ≤ 0.150 ms per request. "
                        + "Latency in ms; closed loop, "
                        + options.loadSeconds() + " s measured after 5 s of warm-up.",
                "| tool | connections | target | req/s | p50 | p90 | p99 | max | errors | okr-service CPU ms/req | gateway CPU ms/req |\n"
                        + "|---|---|---|---|---|---|---|---|---|---|---|",
                loadRows);
        loadRatios.forEach(line -> md.append(line).append("\n"));
        md.append("\n");
        table(md, "Memory after the load (MB)", "Target: RSS ≤ 200 MB per service, ≤ 150 MB for the gateway.",
                "| process | RSS | peak RSS |\n|---|---|---|", memoryRows);
        table(md, "Start-up (s)", "Target: each service ready ≤ 1.0 s, the gateway ≤ 0.8 s, the whole stack on its "
                        + "data ≤ 8 s. Ready = "
                        + "`/q/health/ready` on the management port answers 200, measured from the process launch "
                        + "(includes the JVM's own start).",
                "| what | ready after | Quarkus \"started in\" |\n|---|---|---|", startupRows);
        return md.toString();
    }

    private static String row(String what, Latencies.Summary s, Latencies.Summary floor) {
        return String.format(Locale.ROOT, "| %s | %s | %.1f× |%n", what, s.cells(), s.p50() / floor.p50());
    }

    private static void table(StringBuilder md, String title, String intro, String header, List<String> rows) {
        if (rows.isEmpty()) {
            return;
        }
        md.append("### ").append(title).append("\n\n").append(intro).append("\n\n").append(header).append("\n");
        rows.forEach(r -> md.append(r).append("\n"));
        md.append("\n");
    }
}
