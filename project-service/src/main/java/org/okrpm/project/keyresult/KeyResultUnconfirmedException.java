package org.okrpm.project.keyresult;

import java.util.UUID;

/** The replica does not know a key result and okr-service could not be asked: neither yes nor no. */
public class KeyResultUnconfirmedException extends RuntimeException {

    private final UUID keyResultId;

    public KeyResultUnconfirmedException(UUID keyResultId, Throwable cause) {
        super("Key result " + keyResultId + " could not be confirmed: project-service has not seen it yet and "
                + "okr-service did not answer in time; try again shortly", cause);
        this.keyResultId = keyResultId;
    }

    public UUID keyResultId() {
        return keyResultId;
    }
}
