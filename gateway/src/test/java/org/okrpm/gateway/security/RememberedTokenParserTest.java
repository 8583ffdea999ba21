package org.okrpm.gateway.security;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.testing.TestTokens;

/** The kit's remembering parser is the one the gateway (and, through the same kit, every service) uses. */
@QuarkusTest
class RememberedTokenParserTest {

    @Inject
    JWTParser parser;

    @Test
    void aVerifiedTokenIsRememberedAndATamperedOneIsStillRefused() throws ParseException {
        String token = TestTokens.token("alice", "member");
        assertSame(parser.parse(token), parser.parse(token), "the second request skips the signature check");

        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThrows(ParseException.class, () -> parser.parse(tampered));
        assertThrows(ParseException.class, () -> parser.parse(tampered), "a refused token is never remembered");
    }
}
