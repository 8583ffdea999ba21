package org.okrpm.checkin.okr;

/** How a key result's progress is measured: by check-ins (MANUAL) or by its linked tasks (TASKS). */
public enum ProgressSource {
    MANUAL, TASKS
}
