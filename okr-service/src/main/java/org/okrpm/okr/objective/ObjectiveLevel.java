package org.okrpm.okr.objective;

/** Where an objective sits in the cascade; children usually align to a level above them. */
public enum ObjectiveLevel {
    COMPANY, DEPARTMENT, TEAM, INDIVIDUAL
}
