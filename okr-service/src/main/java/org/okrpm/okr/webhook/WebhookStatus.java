package org.okrpm.okr.webhook;

/** A subscription receives deliveries while ACTIVE; PAUSED after failing for too long, until resumed. */
public enum WebhookStatus {
    ACTIVE, PAUSED
}
