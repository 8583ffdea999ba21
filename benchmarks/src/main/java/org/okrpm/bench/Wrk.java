package org.okrpm.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk (Debian package {@code wrk}), when installed: the same GETs as {@link HttpLoad}, from a C load generator,
 * as a cross-check of the Java harness. Skipped when wrk is not on the PATH.
 */
final class Wrk {

    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|90|99)(?:\\.000)?%\\s+([\\d.]+)(us|ms|s)\\s*$");
    private static final Pattern MAX = Pattern.compile("^\\s*Latency\\s+\\S+\\s+\\S+\\s+([\\d.]+)(us|ms|s)");
    private static final Pattern RATE = Pattern.compile("^Requests/sec:\\s+([\\d.]+)");
    private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");

    private Wrk() {
    }

    static boolean installed() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "wrk"))) {
                return true;
            }
        }
        return false;
    }

    static Optional<HttpLoad.Result> run(String url, String token, int connections, int seconds)
            throws IOException, InterruptedException {
        if (!installed()) {
            return Optional.empty();
        }
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
                "-H", "Authorization: Bearer " + token, url).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        double p50 = 0;
        double p90 = 0;
        double p99 = 0;
        double max = 0;
        double rate = 0;
        long errors = 0;
        for (String line : output.split("\n")) {
            Matcher m;
            if ((m = PERCENTILE.matcher(line)).find()) {
                double ms = ms(m.group(2), m.group(3));
                switch (m.group(1)) {
                    case "50" -> p50 = ms;
                    case "90" -> p90 = ms;
                    default -> p99 = ms;
                }
            } else if ((m = MAX.matcher(line)).find()) {
                max = ms(m.group(1), m.group(2));
            } else if ((m = RATE.matcher(line)).find()) {
                rate = Double.parseDouble(m.group(1));
            } else if ((m = ERRORS.matcher(line)).find()) {
                errors = Long.parseLong(m.group(1));
            }
        }
        long count = Math.round(rate * seconds);
        return Optional.of(new HttpLoad.Result(connections, new Latencies.Summary(count, p50, p90, p99, max),
                rate, errors, seconds, 0, 0));
    }

    private static double ms(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }
}
