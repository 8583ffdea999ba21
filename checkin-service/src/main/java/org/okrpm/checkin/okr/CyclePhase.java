package org.okrpm.checkin.okr;

/** The phases of an OKR cycle, as okr-service names them. */
public enum CyclePhase {
    PLANNING, EXECUTION, RETROSPECTIVE, CLOSED
}
