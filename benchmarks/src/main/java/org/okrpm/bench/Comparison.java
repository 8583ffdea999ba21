package org.okrpm.bench;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.okrpm.stack.LocalStack;

/**
 * The whole report: the machine and both settings, the side-by-side table against issue #18's targets, then each
 * setting's detailed run.
 */
final class Comparison {

    private static final String WRK = "wrk";
    private static final String HARNESS = "Java harness";

    private final Options options;
    private final String machine;
    private final String when = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    private final Map<Setting, Report> runs = new EnumMap<>(Setting.class);
    private String newNotRun;

    Comparison(Options options, String machine) {
        this.options = options;
        this.machine = machine;
    }

    void add(Report run) {
        runs.put(run.setting(), run);
    }

    /** Why the new settings were not measured, said under the table. */
    void newNotRun(String why) {
        newNotRun = why;
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# Benchmark run ").append(when).append("\n\n").append(machine)
                .append("\n");
        runs.values().forEach(run -> md.append("- ").append(run.setting().label()).append(": JDK ").append(run.jvm())
                .append("; ").append(run.jvmOptions()).append("\n"));
        md.append("- Options: ").append(options).append("\n\n");
        targets(md);
        runs.values().forEach(run -> md.append(run.markdown()));
        return md.toString();
    }

    private void targets(StringBuilder md) {
        md.append("## Against the targets (#18)\n\n")
                .append("Each setting measured on a fresh stack and data folder, one after the other, on this machine "
                        + "(details in the sections below). Ready = launch to `/q/health/ready` 200; in brackets "
                        + "Quarkus's own \"started in\". met? is for ")
                .append(judged() == Setting.NEW ? "the new settings" : "today's settings (the new ones were not run)")
                .append(".\n\n| what | target | today | new | met? |\n|---|---|---|---|---|\n");
        for (String service : LocalStack.BACKEND_SERVICES) {
            ready(md, service, 1.0);
        }
        ready(md, LocalStack.GATEWAY, 0.8);
        row(md, "whole stack, start on existing data (s)", "≤ 8.00", 8.0, true,
                run -> seconds(run.startOnData()));
        row(md, "whole stack, first start on empty data (s)", "", Double.NaN, true,
                run -> seconds(run.firstStart()));
        for (String service : Setting.services()) {
            long limit = service.equals(LocalStack.GATEWAY) ? 150 : 200;
            row(md, service + " RSS after the load (MB)", "≤ " + limit, limit, true,
                    run -> run.memory(service).filter(m -> m.rssMb() >= 0)
                            .map(m -> new Cell(m.rssMb(), String.valueOf(m.rssMb()))).orElse(Cell.MISSING));
        }
        int connections = options.connections();
        for (String tool : List.of(HARNESS, WRK)) {
            if (runs.values().stream().noneMatch(run -> run.load(tool, connections).isPresent())) {
                continue;
            }
            row(md, "gateway CPU per proxied GET, " + tool + ", " + connections + " connections (ms)",
                    "≤ 0.150", 0.15, true, run -> run.load(tool, connections)
                            .map(l -> new Cell(l.gateway().gatewayCpuMs(),
                                    format("%.3f", l.gateway().gatewayCpuMs())))
                            .orElse(Cell.MISSING));
            row(md, "gateway throughput ÷ direct, " + tool + ", " + connections + " connections", "≥ 0.80×",
                    0.8, false, run -> run.load(tool, connections)
                            .map(l -> new Cell(l.throughputRatio(), format("%.2f×", l.throughputRatio())))
                            .orElse(Cell.MISSING));
        }
        row(md, "propagation, task DONE → progress on the SSE stream, p50 (ms)", "≤ 10.00", 10, true,
                run -> run.propagationOnStream().map(s -> new Cell(s.p50(), format("%.2f", s.p50())))
                        .orElse(Cell.MISSING));
        row(md, "propagation, task DONE → progress on the SSE stream, p99 (ms)", "≤ 30.00", 30, true,
                run -> run.propagationOnStream().map(s -> new Cell(s.p99(), format("%.2f", s.p99())))
                        .orElse(Cell.MISSING));
        if (newNotRun != null) {
            md.append("\nThe new settings were not run: ").append(newNotRun).append(".\n");
        }
        md.append("\n");
    }

    /** The setting met? is for: the new one, or today's when only that ran. */
    private Setting judged() {
        return runs.containsKey(Setting.NEW) ? Setting.NEW : Setting.TODAY;
    }

    private void ready(StringBuilder md, String service, double limit) {
        row(md, service + " ready after launch, restarted alone (s)", format("≤ %.2f", limit), limit, true,
                run -> run.restart(service).map(r -> new Cell(r.secondsToReady(), format("%.2f (%s)",
                        r.secondsToReady(), r.quarkusStartedIn()))).orElse(Cell.MISSING));
    }

    /** A measured number and how the table shows it. */
    private record Cell(double value, String text) {

        static final Cell MISSING = new Cell(Double.NaN, "?");
    }

    private static Cell seconds(double value) {
        return Double.isNaN(value) ? Cell.MISSING : new Cell(value, format("%.2f", value));
    }

    /** One row: each setting's number, and whether the judged one meets {@code limit} (none when NaN). */
    private void row(StringBuilder md, String what, String target, double limit, boolean atMost,
                     Function<Report, Cell> measured) {
        List<String> cells = new ArrayList<>(List.of(what, target.isEmpty() ? "—" : target));
        for (Setting setting : Setting.values()) {
            Report run = runs.get(setting);
            cells.add(run == null ? "not run" : measured.apply(run).text());
        }
        String met = "—";
        Report run = runs.get(judged());
        if (!Double.isNaN(limit) && run != null) {
            double value = measured.apply(run).value();
            met = Double.isNaN(value) ? "?" : (atMost ? value <= limit : value >= limit) ? "yes" : "**no**";
        }
        cells.add(met);
        md.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
