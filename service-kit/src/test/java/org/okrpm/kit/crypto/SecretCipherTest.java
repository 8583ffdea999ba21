package org.okrpm.kit.crypto;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Secrets at rest and the HMAC signature. */
class SecretCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

    private final SecretCipher cipher = new SecretCipher(SecretCipher.key(KEY, "test-key"), "unavailable");

    @Test
    void encryptsWithAFreshNonceAndDecryptsBack() {
        String first = cipher.encrypt("a-shared-secret");
        String second = cipher.encrypt("a-shared-secret");
        assertThat(first, startsWith("v1:"));
        assertThat(first, not(is(second)));
        assertThat(cipher.decryptToString(first), is("a-shared-secret"));
        assertThat(cipher.decryptToString(second), is("a-shared-secret"));
    }

    @Test
    void aTamperedValueOrAnotherKeyDoesNotDecrypt() {
        String sealed = cipher.encrypt("a-shared-secret");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(tampered));
        assertThrows(IllegalStateException.class,
                () -> new SecretCipher(SecretCipher.key(OTHER_KEY, "test-key"), "unavailable").decrypt(sealed));
    }

    @Test
    void keysMustBeAesSized() {
        assertThrows(IllegalStateException.class, () -> SecretCipher.key("c2hvcnQ=", "test-key"));
        assertThrows(IllegalStateException.class, () -> SecretCipher.key("not base64!", "test-key"));
    }

    @Test
    void withoutAKeyNothingIsEncrypted() {
        SecretCipher none = new SecretCipher(null, "unavailable");
        assertThat(none.isConfigured(), is(false));
        assertThrows(org.okrpm.kit.problem.ProblemException.class, () -> none.encrypt("x"));
    }

    @Test
    void theSignatureIsTheHexHmacSha256OfTheBody() {
        // RFC 4231 test case 2
        assertThat(HmacSignature.sign("Jefe", "what do ya want for nothing?".getBytes()),
                is("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    }

    @Test
    void verifyAcceptsTheSignatureAndNothingElse() {
        byte[] body = "{\"id\":1}".getBytes();
        String signature = HmacSignature.sign("s3cret", body);
        assertThat(HmacSignature.verify(signature, "s3cret".getBytes(), body), is(true));
        assertThat(HmacSignature.verify(signature.toUpperCase().replace("SHA256=", "sha256="), "s3cret".getBytes(), body),
                is(true));
        assertThat(HmacSignature.verify(signature, "other".getBytes(), body), is(false));
        assertThat(HmacSignature.verify("sha256=zz", "s3cret".getBytes(), body), is(false));
        assertThat(HmacSignature.verify(null, "s3cret".getBytes(), body), is(false));
    }
}
