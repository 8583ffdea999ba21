package org.okrpm.okr.keyresult;

/** What a key result measures. BOOLEAN is done or not: start 0, target 1. */
public enum MetricType {
    NUMBER, PERCENT, CURRENCY, BOOLEAN
}
