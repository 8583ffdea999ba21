package org.okrpm.project.keyresultwork;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.okrpm.kit.testing.EventContract;
import org.okrpm.kit.testing.TestEvents;

/** The rollups published on project.key-result-work, read back from the real broker. */
public final class Rollups {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** A published rollup as a consumer reads it; decimals exactly as written. */
    public record Rollup(String keyResultId, long sequence, BigDecimal doneWeight, BigDecimal countedWeight,
                         Map<String, Integer> tasks, List<String> changedTaskIds, List<String> requestIds, String at) {

        /** The counts per status, in the order TODO, IN_PROGRESS, DONE, CANCELLED. */
        public List<Integer> counts() {
            return List.of(tasks.get("TODO"), tasks.get("IN_PROGRESS"), tasks.get("DONE"), tasks.get("CANCELLED"));
        }
    }

    private Rollups() {
    }

    /**
     * Waits for the key result's first {@code count} rollups and checks they are all there is so far: keyed
     * and typed right, sequences 1..count, each of the shape of the contract sample. A rollup published before the last expected one (same key, same
     * partition, so read before it) would shift the sequences and fail this.
     */
    public static List<Rollup> of(String keyResultId, int count) {
        List<ConsumerRecord<String, String>> records = TestEvents.awaitRecords(KeyResultWorkEvents.TOPIC,
                r -> keyResultId.equals(r.key()), count);
        List<Rollup> rollups = records.stream().map(Rollups::read).toList();
        assertThat("sequences of " + keyResultId, rollups.stream().map(Rollup::sequence).toList(),
                is(LongStream.rangeClosed(1, count).boxed().toList()));
        for (ConsumerRecord<String, String> record : records) {
            assertThat(TestEvents.header(record, "ce_type"), is("project.key-result-work.changed"));
            assertThat(TestEvents.header(record, "ce_subject"), is(keyResultId));
            assertThat(TestEvents.header(record, "ce_source"), is("/project-service"));
            EventContract.assertMatches(KeyResultWorkEvents.CHANGED, record.value());
        }
        rollups.forEach(r -> assertThat(r.keyResultId(), is(keyResultId)));
        return rollups;
    }

    /** The last of the key result's first {@code count} rollups (checked as by {@link #of}). */
    public static Rollup last(String keyResultId, int count) {
        List<Rollup> rollups = of(keyResultId, count);
        return rollups.get(rollups.size() - 1);
    }

    private static Rollup read(ConsumerRecord<String, String> record) {
        try {
            return JSON.readValue(record.value(), Rollup.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
