package org.okrpm.kit.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.okrpm.kit.envelope.IncomingEvent;

/** An event whose payload cannot be read: a poison event. */
public class UnreadableEventException extends PoisonEventException {

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Reads the payload as {@code type}, or throws this exception. */
    public static <T> T parse(ObjectMapper mapper, IncomingEvent event, Class<T> type) {
        if (event.payload() == null) {
            throw new UnreadableEventException(event.describe() + " has no payload", null);
        }
        try {
            return mapper.readValue(event.payload(), type);
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException(event.describe() + " is not a readable " + type.getSimpleName(), e);
        }
    }
}
