package org.okrpm.okr.linkedtask;

/** project-service's task statuses, as far as progress cares. */
public enum LinkedTaskStatus {
    TODO, IN_PROGRESS, DONE, CANCELLED
}
