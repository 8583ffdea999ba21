package org.okrpm.checkin.review;

/** A team's review of its OKRs, or a one-on-one between two people. */
public enum ReviewType {
    TEAM_REVIEW, ONE_ON_ONE
}
