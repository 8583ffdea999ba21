package org.okrpm.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small closed-loop HTTP/1.1 load generator in the manner of wrk: each connection is a thread that sends the
 * same GET on a kept-alive socket and reads the whole answer before the next. Written against raw sockets so
 * the client costs little CPU next to the servers it measures on the same two cores.
 */
final class HttpLoad {

    /**
     * One run against one target. The CPU figures (ms per request, including the warm-up) are filled in by the
     * caller, who can see the processes.
     */
    record Result(int connections, Latencies.Summary latency, double requestsPerSecond, long errors,
                  double seconds, double okrCpuMs, double gatewayCpuMs) {

        Result withCpu(double okrServiceMs, double gatewayMs) {
            return new Result(connections, latency, requestsPerSecond, errors, seconds, okrServiceMs, gatewayMs);
        }
    }

    private HttpLoad() {
    }

    /** Runs {@code warmUpSeconds} unmeasured, then {@code seconds} measured. */
    static Result run(String url, String token, int connections, double warmUpSeconds, double seconds)
            throws InterruptedException {
        URI uri = URI.create(url);
        byte[] request = ("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nAuthorization: Bearer " + token + "\r\nAccept: application/json\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        Latencies latencies = new Latencies();
        AtomicLong measured = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long measureFrom = System.nanoTime() + (long) (warmUpSeconds * 1e9);
        long until = measureFrom + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread thread = new Thread(() -> loop(uri, request, latencies, measured, errors, measureFrom, until),
                    "load-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Result(connections, latencies.summary(), measured.get() / seconds, errors.get(),
                warmUpSeconds + seconds, 0, 0);
    }

    private static void loop(URI uri, byte[] request, Latencies latencies, AtomicLong measured, AtomicLong errors,
                             long measureFrom, long until) {
        while (System.nanoTime() < until) {
            try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                socket.setTcpNoDelay(true);
                OutputStream out = socket.getOutputStream();
                InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                long now;
                while ((now = System.nanoTime()) < until) {
                    out.write(request);
                    out.flush();
                    int status = readResponse(in);
                    long took = System.nanoTime() - now;
                    if (now >= measureFrom) {
                        if (status == 200) {
                            latencies.recordNanos(took);
                            measured.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                }
            } catch (IOException e) {
                errors.incrementAndGet();
            }
        }
    }

    /** Reads one response (Content-Length or chunked body) and returns its status. */
    private static int readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line(in).split(";")[0].trim(), 16); size > 0;
                 size = Long.parseLong(line(in).split(";")[0].trim(), 16)) {
                skip(in, size);
                line(in);
            }
            line(in);
        } else if (length > 0) {
            skip(in, length);
        }
        return status;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static void skip(InputStream in, long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }
}
