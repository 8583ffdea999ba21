package org.okrpm.project.integration;

import org.okrpm.project.task.TaskStatus;

/**
 * An external item's state as the tool reports it. OPEN is "not done" without saying how far along: it
 * turns a DONE or CANCELLED task back to TODO and leaves TODO and IN_PROGRESS alone. The others (only the
 * generic form and GitHub's "closed as not planned" use more than OPEN and DONE) name a task status.
 */
public enum ExternalState {
    OPEN, TODO, IN_PROGRESS, DONE, CANCELLED;

    /** The task status this state asks for, given the task's current one. */
    public TaskStatus taskStatus(TaskStatus current) {
        return switch (this) {
            case OPEN -> current.isOpen() ? current : TaskStatus.TODO;
            case TODO -> TaskStatus.TODO;
            case IN_PROGRESS -> TaskStatus.IN_PROGRESS;
            case DONE -> TaskStatus.DONE;
            case CANCELLED -> TaskStatus.CANCELLED;
        };
    }
}
