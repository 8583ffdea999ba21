package org.okrpm.chaos;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What happened and when: every line is stamped with the seconds since the drill began and goes both to
 * {@code target/chaos-report.txt} (a CI artefact) and to the console.
 */
final class ChaosLog implements AutoCloseable {

    private final long started = System.nanoTime();
    private final PrintWriter out;

    ChaosLog(Path file) {
        try {
            Files.createDirectories(file.getParent());
            out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log("chaos drill started at %s", Instant.now());
    }

    double elapsed() {
        return (System.nanoTime() - started) / 1e9;
    }

    synchronized void log(String format, Object... args) {
        String line = String.format("[%8.3fs] %s", elapsed(), args.length == 0 ? format : String.format(format, args));
        out.println(line);
        out.flush();
        System.out.println("chaos | " + line);
    }

    @Override
    public synchronized void close() {
        out.close();
    }
}
