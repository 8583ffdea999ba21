package org.okrpm.okr.objective;

/** Where an objective is in its life, set by people; not to be confused with the derived tracking status. */
public enum ObjectiveState {
    ACTIVE, COMPLETED, CANCELLED
}
