package org.okrpm.okr.objective;

/**
 * What moved an objective's progress: a change to the objective itself (its progressMode), one of its key
 * results, or one of its aligned children (its progress, weight or state, or it joined, left or was deleted).
 */
public enum ObjectiveHistorySource {
    MANUAL, KEY_RESULTS, CHILDREN
}
