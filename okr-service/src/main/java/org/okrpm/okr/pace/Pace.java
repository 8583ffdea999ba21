package org.okrpm.okr.pace;

/** Where a key result or objective stands against its pace: what PaceCalculator derives for a view. */
public record Pace(double expectedProgress, PaceStatus status, Double forecast) {
}
