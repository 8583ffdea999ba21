package org.okrpm.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The drill's own token issuer: a fresh RSA key pair per run (PEM files under target/, never committed) and
 * RS256 tokens signed with it. Every process gets the public key and the issuer, as in production
 * (MP_JWT_VERIFY_PUBLICKEY_LOCATION, MP_JWT_VERIFY_ISSUER); the gateway also gets the private key
 * (SMALLRYE_JWT_SIGN_KEY_LOCATION), as docker-compose.yml gives it.
 */
final class Tokens {

    static final String ISSUER = "https://okrpm.chaos";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final Path publicKey;
    private final Path privateKey;
    private final PrivateKey signingKey;

    private Tokens(Path publicKey, Path privateKey, PrivateKey signingKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        this.signingKey = signingKey;
    }

    static Tokens create(Path dir) throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path publicPem = dir.resolve("jwt-public.pem");
        Path privatePem = dir.resolve("jwt-private.pem");
        Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        return new Tokens(publicPem, privatePem, pair.getPrivate());
    }

    Path publicKey() {
        return publicKey;
    }

    Path privateKey() {
        return privateKey;
    }

    /** An RS256 token for {@code subject} with {@code roles} in the groups claim, valid for two hours. */
    String sign(String subject, String... roles) {
        try {
            long now = Instant.now().getEpochSecond();
            Map<String, Object> header = Map.of("alg", "RS256", "typ", "JWT");
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iss", ISSUER);
            claims.put("sub", subject);
            claims.put("upn", subject);
            claims.put("groups", List.of(roles));
            claims.put("iat", now);
            claims.put("exp", now + 7200);
            claims.put("jti", UUID.randomUUID().toString());
            String signingInput = B64URL.encodeToString(JSON.writeValueAsBytes(header)) + "."
                    + B64URL.encodeToString(JSON.writeValueAsBytes(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(signingKey);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64URL.encodeToString(rsa.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
