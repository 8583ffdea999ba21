package org.okrpm.okr.objective;

public enum ObjectiveStatus {
    ACTIVE, COMPLETED, CANCELLED
}
