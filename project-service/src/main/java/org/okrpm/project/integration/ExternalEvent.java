package org.okrpm.project.integration;

import java.time.Instant;

/**
 * A tool's webhook reduced to what it means for one external item, whatever the tool.
 *
 * @param event          the tool's name for it, for the delivery log ({@code issues.closed}, {@code jira:issue_updated})
 * @param kind           what it asks for
 * @param externalId     the item (null only for IGNORED events about no item)
 * @param title          the item's title, or null to leave the task's alone
 * @param hasDescription whether the event says what the description is ({@code description} may then be null)
 * @param state          the item's state, or null when the event does not say
 * @param occurredAt     when the item was last changed as of this event, or null when the event does not say
 * @param reason         for IGNORED events, why
 */
public record ExternalEvent(String event, Kind kind, String externalId, String title, boolean hasDescription,
                            String description, ExternalState state, Instant occurredAt, String reason) {

    public enum Kind {
        /** The item was created: a task is made unless it has one already. */
        CREATED,
        /** The item changed (edited, closed, reopened): its task follows; an item not seen before gets one. */
        CHANGED,
        /** The item was deleted: so is its task. */
        DELETED,
        /** Nothing for tasks (a ping, a label, a comment). */
        IGNORED
    }

    public static ExternalEvent ignored(String event, String externalId, String reason) {
        return new ExternalEvent(event, Kind.IGNORED, externalId, null, false, null, null, null, reason);
    }
}
