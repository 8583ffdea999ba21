package org.okrpm.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Command-line options of {@code ./benchmarks/run}; every size has a default that meets the minimums. */
record Options(int completions, double rate, int burstKeyResults, int burstTasksPerKeyResult, int clients,
               int bulkSize, int connections, int loadSeconds, String out, String serviceJvm, List<Setting> settings) {

    static final String USAGE = """
            Usage: ./benchmarks/run [--quick] [--completions 1000] [--rate 25] [--burst-key-results 100]
                                    [--burst-tasks 100] [--clients 16] [--bulk-size 500] [--connections 16]
                                    [--load-seconds 20] [--out benchmarks/target/results.md]
                                    [--service-jvm "-Xmx192m ..."] [--settings today,new]
              --completions        task completions in the propagation run (one at a time, at --rate per second)
              --burst-key-results  key results in the burst; --burst-tasks tasks each (100 x 100 = 10,000)
              --clients            concurrent HTTP clients sending the live burst of single PATCHes
              --bulk-size          task changes per POST /api/v1/tasks/bulk (catch-up and bulk runs; at most 500)
              --connections        keep-alive connections of the gateway-overhead load
              --settings           the JVM settings measured, one whole run each: today (local builds on this
                                   Java), new (trained AOT builds on JDK 25: build with -Daot.jdk=<JDK 25 home>)
              --service-jvm        today's JVM options instead of the local stack's defaults
              --quick              a smoke run with small sizes (numbers not comparable)""";

    static Options parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        boolean quick = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                System.out.println(USAGE);
                System.exit(0);
            } else if (args[i].equals("--quick")) {
                quick = true;
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                given.put(args[i].substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("Unknown option " + args[i] + "\n" + USAGE);
            }
        }
        return new Options(
                integer(given, "completions", quick ? 100 : 1000),
                Double.parseDouble(given.getOrDefault("rate", "25")),
                integer(given, "burst-key-results", quick ? 10 : 100),
                integer(given, "burst-tasks", quick ? 20 : 100),
                integer(given, "clients", 16),
                integer(given, "bulk-size", 500),
                integer(given, "connections", 16),
                integer(given, "load-seconds", quick ? 5 : 20),
                given.getOrDefault("out", "benchmarks/target/results.md"),
                given.get("service-jvm"),
                Setting.parse(given.getOrDefault("settings", "today,new")));
    }

    private static int integer(Map<String, String> given, String name, int fallback) {
        return given.containsKey(name) ? Integer.parseInt(given.get(name)) : fallback;
    }
}
