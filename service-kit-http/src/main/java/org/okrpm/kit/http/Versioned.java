package org.okrpm.kit.http;

/** A representation that carries its aggregate's version; {@link ETagFilter} turns it into an ETag. */
public interface Versioned {

    long version();
}
