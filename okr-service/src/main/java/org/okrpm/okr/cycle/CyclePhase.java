package org.okrpm.okr.cycle;

/** The phases of a quarterly OKR cycle; they only move forward, one step at a time. */
public enum CyclePhase {
    PLANNING, EXECUTION, RETROSPECTIVE, CLOSED;

    public boolean canMoveTo(CyclePhase next) {
        return next.ordinal() == ordinal() + 1;
    }
}
