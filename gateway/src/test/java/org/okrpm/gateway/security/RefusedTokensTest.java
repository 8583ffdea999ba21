package org.okrpm.gateway.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RefusedTokensTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void refusedTokensAreForgottenAfterTheirTtl() {
        AtomicLong now = new AtomicLong(0);
        RefusedTokens refused = new RefusedTokens(60 * SECOND, 2, now::get);
        refused.refuse("t1");
        assertTrue(refused.isRefused("t1"));
        assertFalse(refused.isRefused("t2"));
        now.set(60 * SECOND);
        assertFalse(refused.isRefused("t1"));
        refused.refuse("t2");
        refused.refuse("t3");
        refused.refuse("t4");
        assertTrue(refused.size() <= 2, "bounded");
        assertTrue(refused.isRefused("t4"));
    }
}
