package org.okrpm.okr.objective;

/** Who sees an objective: everyone, or only its owner, creator, team and admins. */
public enum Visibility {
    PUBLIC, PRIVATE
}
