package org.okrpm.kit.envelope;

/** The CloudEvents 1.0 Kafka binary-mode header names of docs/events.md. */
public final class CloudEvents {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    /** Extension attribute: the X-Request-Id of the request that caused the event. */
    public static final String REQUEST_ID = "ce_requestid";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEvents() {
    }
}
