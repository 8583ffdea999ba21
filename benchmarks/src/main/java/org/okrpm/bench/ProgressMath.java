package org.okrpm.bench;

/** Progress as the API reports it: a fraction rounded to four decimals. */
final class ProgressMath {

    private ProgressMath() {
    }

    static double round(double progress) {
        return Math.round(progress * 10_000) / 10_000.0;
    }
}
