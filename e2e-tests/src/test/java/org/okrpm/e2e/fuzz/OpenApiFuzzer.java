package org.okrpm.e2e.fuzz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The fuzz pass (issue 14, docs/input-limits.md "Fuzz pass"): reads the merged OpenAPI document from the gateway,
 * creates real resources to aim at, and sends every operation its hostile requests ({@link FuzzPlan}), alternately
 * as an admin and as a member. Each answer is judged by the {@link Oracles}; a rejected write (4xx) must leave what
 * it aimed at as it was ({@link StateProbe}). Deterministic for a seed, and bounded: above {@code maxRequests}
 * planned requests, a seeded sample of them is sent.
 */
public final class OpenApiFuzzer {

    /** What a pass did and found. */
    public record Report(int operations, List<String> fuzzedOperations, int planned, int sent,
                         Map<String, Integer> perOperation, Map<Hostility, Integer> perHostility,
                         Map<Integer, Integer> perStatus, Map<String, Long> millisPerOperation, int rechecks,
                         List<String> missingFixtures, List<Findings.Finding> findings) {

        /** The counts, one line per operation and per class. */
        public String summary() {
            StringBuilder text = new StringBuilder("Fuzz pass: " + sent + " hostile requests (" + planned
                    + " planned) to " + fuzzedOperations.size() + " of " + operations + " operations\n");
            missingFixtures.forEach(missing -> text.append("  Fixture not created (its operations aim at the first "
                    + "listed item or an unknown id): ").append(missing).append('\n'));
            perOperation.forEach((op, n) -> text.append(String.format("  %6d  %6d ms  %s%n", n,
                    millisPerOperation.get(op), op)));
            text.append("By class:\n");
            perHostility.forEach((h, n) -> text.append(String.format("  %6d  %s%n", n, h)));
            text.append("By status: ").append(perStatus).append('\n');
            text.append("Rejected writes checked again after a change around them: ").append(rechecks).append('\n');
            text.append("Findings: ").append(findings.size()).append('\n');
            return text.toString();
        }
    }

    private final FuzzHttp http;
    private final List<String> adminTokens;
    private final List<String> memberTokens;
    private final long seed;
    private final int maxRequests;

    /** Tokens of several subjects per role, used in turn, so that the per-client rate limit is not the answer. */
    public OpenApiFuzzer(String gatewayUrl, List<String> adminTokens, List<String> memberTokens, long seed,
                         int maxRequests) {
        this.http = new FuzzHttp(gatewayUrl);
        this.adminTokens = adminTokens;
        this.memberTokens = memberTokens;
        this.seed = seed;
        this.maxRequests = maxRequests;
    }

    public Report run() {
        FuzzHttp.Answer served = http.get("/q/openapi", null);
        if (served.status() != 200) {
            throw new IllegalStateException("GET /q/openapi answered " + served.status());
        }
        ApiDocument document = new ApiDocument(Fixtures.read(served.body()));
        List<ApiOperation> operations = document.operations();
        Random random = new Random(seed);
        String admin = adminTokens.get(0);
        Fixtures fixtures = Fixtures.create(http, admin, seed);
        HostileValues values = new HostileValues(new UUID(random.nextLong(), random.nextLong()));
        FuzzPlan plan = new FuzzPlan(values, new BaselineBodies(document, fixtures), fixtures, http, admin, random,
                document::resolve);
        List<FuzzCase> planned = new ArrayList<>();
        for (ApiOperation op : operations) {
            planned.addAll(plan.cases(op));
        }

        Pass pass = new Pass(new StateProbe(http, adminTokens, operations, fixtures));
        List<FuzzCase> chosen = sample(planned, random);
        for (int i = 0; i < chosen.size(); i++) {
            pass.fuzz(chosen.get(i), i);
        }
        List<String> fuzzed = operations.stream().map(ApiOperation::label).filter(pass.perOperation::containsKey)
                .toList();
        return new Report(operations.size(), fuzzed, planned.size(), pass.sent, pass.perOperation,
                pass.perHostility, pass.perStatus, pass.millisPerOperation, pass.rechecks, fixtures.missing(),
                pass.findings.all());
    }

    /** The requests of one pass, their counts and what they broke. */
    private final class Pass {

        private final StateProbe probe;
        private final Findings findings = new Findings();
        private final Map<String, Integer> perOperation = new LinkedHashMap<>();
        private final Map<Hostility, Integer> perHostility = new EnumMap<>(Hostility.class);
        private final Map<Integer, Integer> perStatus = new TreeMap<>();
        private final Map<String, Long> millisPerOperation = new LinkedHashMap<>();
        private final Set<ApiOperation> adminOnly = new HashSet<>();
        private int sent;
        private int rechecks;
        /** The targets read after the previous rejected write: the next write on them needs no new read before. */
        private List<String> lastTargets = List.of();
        private Map<String, String> lastState;

        Pass(StateProbe probe) {
            this.probe = probe;
        }

        void fuzz(FuzzCase fuzzCase, int index) {
            long started = System.nanoTime();
            ApiOperation op = fuzzCase.operation();
            List<String> targets = op.isWrite()
                    ? probe.targets(op, fuzzCase.path(), fuzzCase.baselineBody()) : List.of();
            Map<String, String> before = targets.equals(lastTargets) && lastState != null
                    ? lastState : probe.read(targets);

            boolean asMember = index % 2 == 1 && !adminOnly.contains(op);
            FuzzHttp.Answer answer = send(fuzzCase, asMember ? memberTokens : adminTokens, index);
            sent++;
            if (asMember && answer.status() == 403) {
                // the role may not do this at all: fuzz it as an admin, who gets past the role check
                adminOnly.add(op);
                answer = send(fuzzCase, adminTokens, index);
                sent++;
            }
            perOperation.merge(op.label(), 1, Integer::sum);
            perHostility.merge(fuzzCase.hostility(), 1, Integer::sum);
            perStatus.merge(answer.status(), 1, Integer::sum);
            Optional<String> broken = Oracles.check(answer);
            if (broken.isPresent()) {
                findings.add(fuzzCase, answer, broken.get());
            } else if (fuzzCase.mustBeRefused() && answer.status() < 300) {
                findings.add(fuzzCase, answer, "accepted, though the input rules refuse it");
            }

            lastTargets = targets;
            lastState = null;
            if (answer.status() >= 400 && answer.status() < 500 && !targets.isEmpty()) {
                Map<String, String> after = probe.read(targets);
                lastState = after;
                if (!StateProbe.differences(before, after).isEmpty()) {
                    rechecks++;
                    lastState = null;
                    List<String> changes = confirm(fuzzCase, targets, probe, index);
                    if (!changes.isEmpty()) {
                        findings.add(fuzzCase, answer, "rejected write changed state: " + changes);
                    }
                }
            }
            millisPerOperation.merge(op.label(), (System.nanoTime() - started) / 1_000_000, Long::sum);
        }
    }

    /**
     * A change seen around a rejected write may be an earlier accepted write's events arriving: once the targets
     * stopped changing, the same request again must leave them alone. Returns the changes it made the second time.
     */
    private List<String> confirm(FuzzCase fuzzCase, List<String> targets, StateProbe probe, int index) {
        Map<String, String> settled = probe.settled(targets);
        if (settled == null) {
            return List.of();
        }
        FuzzHttp.Answer again = send(fuzzCase, adminTokens, index);
        if (again.status() < 400 || again.status() >= 500) {
            return List.of();
        }
        return StateProbe.differences(settled, probe.read(targets));
    }

    private FuzzHttp.Answer send(FuzzCase fuzzCase, List<String> tokens, int index) {
        return http.send(fuzzCase.method(), fuzzCase.pathAndQuery(), tokens.get(index / 2 % tokens.size()),
                fuzzCase.operation().bodyContentType(), fuzzCase.body(), fuzzCase.bodyMode());
    }

    /**
     * Every planned request, or, above {@code maxRequests}, a seeded sample of each operation's requests in the
     * same proportion (at least one each), in their planned order.
     */
    private List<FuzzCase> sample(List<FuzzCase> planned, Random random) {
        if (planned.size() <= maxRequests) {
            return planned;
        }
        Map<ApiOperation, List<Integer>> byOperation = new LinkedHashMap<>();
        IntStream.range(0, planned.size()).forEach(i ->
                byOperation.computeIfAbsent(planned.get(i).operation(), op -> new ArrayList<>()).add(i));
        List<Integer> kept = new ArrayList<>();
        for (List<Integer> indexes : byOperation.values()) {
            List<Integer> shuffled = new ArrayList<>(indexes);
            Collections.shuffle(shuffled, random);
            int share = Math.max(1, (int) ((long) indexes.size() * maxRequests / planned.size()));
            kept.addAll(shuffled.subList(0, share));
        }
        return kept.stream().sorted().map(planned::get).toList();
    }
}
