package org.okrpm.project.task;

/** A task's status. DONE counts towards progress; CANCELLED does not count at all. */
public enum TaskStatus {
    TODO, IN_PROGRESS, DONE, CANCELLED;

    /** Still to be done: blocks closing the project. */
    public boolean isOpen() {
        return this == TODO || this == IN_PROGRESS;
    }
}
