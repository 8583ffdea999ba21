package org.okrpm.okr.keyresult;

/** What moved a key result's progress: a direct change, a check-in, or its tasks. */
public enum HistorySource {
    MANUAL, CHECKIN, TASKS
}
