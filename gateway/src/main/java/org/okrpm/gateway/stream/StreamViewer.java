package org.okrpm.gateway.stream;

import java.util.Set;

/**
 * Who a stream is for, as far as privacy goes: the token's subject, its {@code teams} claim and whether it is an
 * admin. Events of a PRIVATE objective (and of its key results) reach only its owner, its creator, members of
 * its team and admins, as okr-service answers them.
 */
record StreamViewer(String subject, Set<String> teams, boolean admin) {

    StreamViewer {
        teams = teams == null ? Set.of() : Set.copyOf(teams);
    }

    boolean maySee(StreamEvent event) {
        StreamEvent.Audience audience = event.audience();
        if (audience == null || admin) {
            return true;
        }
        return subject != null && (subject.equals(audience.ownerId()) || subject.equals(audience.createdBy()))
                || audience.teamId() != null && teams.contains(audience.teamId());
    }
}
