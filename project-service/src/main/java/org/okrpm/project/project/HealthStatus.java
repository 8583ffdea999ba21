package org.okrpm.project.project;

/** A project's health; see {@link ProjectHealthCalculator} for the thresholds. */
public enum HealthStatus {
    ON_TRACK, AT_RISK, OFF_TRACK
}
