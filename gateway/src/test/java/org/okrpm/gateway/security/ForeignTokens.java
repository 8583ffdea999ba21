package org.okrpm.gateway.security;

import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/** Tokens an attacker could make: well-formed, right issuer, signed by a key the gateway does not trust. */
final class ForeignTokens {

    private static final KeyPair FOREIGN = generate();

    private ForeignTokens() {
    }

    static String token(String subject) {
        return Jwt.issuer(ConfigProvider.getConfig().getValue("mp.jwt.verify.issuer", String.class))
                .subject(subject).groups(Set.of("admin")).expiresIn(3600).sign(FOREIGN.getPrivate());
    }

    /** Signed by the trusted key, but expired an hour ago (far beyond the clock skew). */
    static String expired(String subject) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(ConfigProvider.getConfig().getValue("mp.jwt.verify.issuer", String.class))
                .subject(subject).groups(Set.of("member")).issuedAt(now - 7200).expiresAt(now - 3600).sign();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
