package org.okrpm.okr.objective;

/** What an objective's progress is the weighted mean of: its key results, its aligned children, or both together. */
public enum ProgressMode {
    KEY_RESULTS, CHILDREN, BOTH
}
