package org.okrpm.okr.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.okrpm.okr.keyresult.ProgressCalculator.WeightedProgress;
import org.okrpm.okr.objective.RollupCalculator.Child;
import org.okrpm.okr.objective.RollupCalculator.Scored;

/** The rollup rules as tables: parts are "weight:progress" (children "weight:progress:STATE"), space-separated. */
class RollupCalculatorTest {

    @ParameterizedTest(name = "{0} of key results [{1}] and children [{2}] is {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # mode      | key results          | children                          | progress
            KEY_RESULTS | 3:1.0 1:0.0          | 1:0.2:ACTIVE                      | 0.75
            KEY_RESULTS | -                    | 1:0.9:ACTIVE                      | 0.0
            CHILDREN    | 3:1.0 1:0.0          | 1:0.2:ACTIVE 1:0.6:COMPLETED      | 0.4
            CHILDREN    | -                    | 2:0.71:ACTIVE 1:1.0:ACTIVE        | 0.8067
            CHILDREN    | -                    | 1:0.5:ACTIVE 5:0.0:CANCELLED      | 0.5
            CHILDREN    | -                    | 1:0.9:CANCELLED                   | 0.0
            CHILDREN    | -                    | -                                 | 0.0
            BOTH        | 1:1.0 1:0.0          | 2:0.5:ACTIVE                      | 0.5
            BOTH        | 3:0.4                | 1:0.8:ACTIVE 4:1.0:CANCELLED      | 0.5
            BOTH        | -                    | 1:0.3:ACTIVE                      | 0.3
            BOTH        | 1:0.3                | -                                 | 0.3
            BOTH        | 1:0.1 1:0.2          | 1:0.3333:ACTIVE                   | 0.2111
            """)
    void progress(ProgressMode mode, String keyResults, String children, double expected) {
        assertEquals(expected, RollupCalculator.progress(mode, keyResults(keyResults), children(children)));
    }

    @ParameterizedTest(name = "score of [{0}] is {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # key results (weight:score, '_' unscored) | score
            1:0.7                                      | 0.7
            3:1.0 1:0.6                                | 0.9
            1:0.7 1:0.4 2:0.0                          | 0.275
            1:0.3333 2:0.3333                          | 0.3333
            """)
    void scoreOnceAllAreScored(String keyResults, double expected) {
        assertEquals(expected, RollupCalculator.score(scored(keyResults)));
    }

    @ParameterizedTest(name = "score of [{0}] is null")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # key results
            1:0.7 1:_
            1:_
            -
            """)
    void noScoreBeforeAllAreScoredOrWithoutKeyResults(String keyResults) {
        assertNull(RollupCalculator.score(scored(keyResults)));
    }

    private static List<String[]> parts(String text) {
        return text == null ? List.of() : Arrays.stream(text.trim().split("\\s+")).map(p -> p.split(":")).toList();
    }

    private static List<WeightedProgress> keyResults(String text) {
        return parts(text).stream()
                .map(p -> new WeightedProgress(Double.parseDouble(p[0]), Double.parseDouble(p[1]))).toList();
    }

    private static List<Child> children(String text) {
        return parts(text).stream().map(p -> new Child(Double.parseDouble(p[0]), Double.parseDouble(p[1]),
                ObjectiveState.valueOf(p[2]))).toList();
    }

    private static List<Scored> scored(String text) {
        return parts(text).stream().map(p -> new Scored(Double.parseDouble(p[0]),
                p[1].equals("_") ? null : Double.parseDouble(p[1]))).toList();
    }
}
