package org.okrpm.okr.keyresult;

/** Where a key result's progress comes from: its current value (PATCH, check-ins) or its linked tasks. */
public enum ProgressSource {
    MANUAL, TASKS
}
