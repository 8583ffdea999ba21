package org.okrpm.okr.pace;

/** The bucket of a series: one UTC day, or seven days counted from the series' first day. */
public enum SeriesInterval {
    DAY(1), WEEK(7);

    public final int days;

    SeriesInterval(int days) {
        this.days = days;
    }
}
