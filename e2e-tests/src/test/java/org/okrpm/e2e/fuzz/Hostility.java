package org.okrpm.e2e.fuzz;

/** The classes of hostile input of issue 14, each a column of the fuzz pass's report. */
public enum Hostility {
    WRONG_TYPE,
    NULL,
    HUGE_NUMBER,
    NAN_INFINITY,
    LONG_STRING,
    CONTROL_CHARACTERS,
    BAD_DATE,
    DEEP_NESTING,
    HUGE_BODY,
    BAD_ID,
    PAGING_EXTREME,
    /** A query parameter the operation does not take: every operation has one to be fuzzed with. */
    UNKNOWN_PARAMETER
}
