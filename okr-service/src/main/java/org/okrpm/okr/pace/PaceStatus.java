package org.okrpm.okr.pace;

/** Whether a key result or objective is on its way to its target by its due date (docs/api.md, Pace). */
public enum PaceStatus {
    NOT_STARTED, ON_TRACK, AT_RISK, OFF_TRACK, DONE
}
