package org.okrpm.okr.linkedtask;

import java.util.UUID;

/** What okr-service reads of a project.tasks event; unknown fields are ignored. */
public record TaskSnapshot(UUID id, UUID projectId, UUID keyResultId, LinkedTaskStatus status, Double weight,
                           long version) {
}
