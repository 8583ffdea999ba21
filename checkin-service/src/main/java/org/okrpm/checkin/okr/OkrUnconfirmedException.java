package org.okrpm.checkin.okr;

import org.okrpm.kit.problem.ProblemException;
import org.okrpm.kit.problem.ProblemType;

/**
 * 422: the replica does not know the entity and okr-service could not be asked (timeout, error, open
 * circuit), so its existence could not be confirmed. Retrying shortly usually succeeds (the replica catches
 * up from the okr.* topics).
 */
public class OkrUnconfirmedException extends ProblemException {

    public OkrUnconfirmedException(String what, Object id, String reason) {
        super(ProblemType.UNPROCESSABLE, what + " " + id + " could not be confirmed: this service has not seen it yet"
                + " and okr-service " + reason + ". Try again shortly.");
    }
}
