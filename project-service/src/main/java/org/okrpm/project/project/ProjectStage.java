package org.okrpm.project.project;

/**
 * The stages of a project. Open stages move forward one step at a time (INITIATION → PLANNING → EXECUTION →
 * CLOSED); any open stage may be CANCELLED. CLOSED and CANCELLED are final.
 */
public enum ProjectStage {
    INITIATION, PLANNING, EXECUTION, CLOSED, CANCELLED;

    public boolean isOpen() {
        return this != CLOSED && this != CANCELLED;
    }

    public boolean canMoveTo(ProjectStage next) {
        if (!isOpen()) {
            return false;
        }
        return next == CANCELLED || next != null && next.ordinal() == ordinal() + 1;
    }
}
