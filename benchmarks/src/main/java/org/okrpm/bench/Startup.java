package org.okrpm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.okrpm.stack.LocalStack;
import org.okrpm.stack.ServiceProcess;

/** Each service restarted alone on its existing data: wall time to ready, and Quarkus's own start time. */
final class Startup {

    private static final Pattern STARTED_IN = Pattern.compile("started in ([\\d.]+)s");

    record Row(String service, double secondsToReady, String quarkusStartedIn) {
    }

    private Startup() {
    }

    static List<Row> restartEach(LocalStack stack) throws IOException {
        List<String> names = LocalStack.SERVICES;
        List<Row> rows = new ArrayList<>();
        for (String name : names) {
            ServiceProcess service = stack.service(name);
            service.stop();
            long start = System.nanoTime();
            stack.startService(name);
            rows.add(new Row(name, (System.nanoTime() - start) / 1e9, lastStartedIn(service)));
        }
        return rows;
    }

    /** The "started in X s" of the service's latest start, as Quarkus logs it. */
    private static String lastStartedIn(ServiceProcess service) throws IOException {
        String last = "?";
        for (String line : Files.readAllLines(service.logFile())) {
            Matcher m = STARTED_IN.matcher(line);
            if (m.find()) {
                last = m.group(1);
            }
        }
        return last;
    }
}
