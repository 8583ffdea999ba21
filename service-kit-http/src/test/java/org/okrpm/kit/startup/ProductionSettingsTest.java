package org.okrpm.kit.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which settings production refuses to run without, and the one line that says so. */
class ProductionSettingsTest {

    private static Optional<String> problem(Map<String, String> settings, String... extra) {
        List<String> required = new java.util.ArrayList<>(ProductionSettings.ALWAYS);
        required.addAll(List.of(extra));
        return ProductionSettings.problem(name -> Optional.ofNullable(settings.get(name)), required);
    }

    @Test
    void aKeyLocationAndAnIssuerAreEnough() {
        assertEquals(Optional.empty(), problem(Map.of("mp.jwt.verify.publickey.location", "file:/keys/public.pem",
                "mp.jwt.verify.issuer", "https://okrpm.local")));
        // the key inline, or SmallRye's own name for its location, serve as well
        assertEquals(Optional.empty(), problem(Map.of("mp.jwt.verify.publickey", "MIIBIjANBg…",
                "mp.jwt.verify.issuer", "https://okrpm.local")));
        assertEquals(Optional.empty(), problem(Map.of("smallrye.jwt.verify.key.location", "https://idp/jwks",
                "mp.jwt.verify.issuer", "https://okrpm.local")));
    }

    @Test
    void noVerificationKeyIsOneLineNamingTheSettingAndItsVariable() {
        String line = problem(Map.of("mp.jwt.verify.issuer", "https://okrpm.local")).orElseThrow();
        assertEquals("Refusing to start in the prod profile: mp.jwt.verify.publickey.location "
                + "(MP_JWT_VERIFY_PUBLICKEY_LOCATION) or mp.jwt.verify.publickey (MP_JWT_VERIFY_PUBLICKEY) or "
                + "smallrye.jwt.verify.key.location (SMALLRYE_JWT_VERIFY_KEY_LOCATION) is not set. Production runs "
                + "only with its token verification key, issuer and encryption keys (docs/deploy.md).", line);
        assertTrue(!line.contains("\n"));
    }

    @Test
    void smallRyeJwtsDefaultNoneIsNoKey() {
        // what an unconfigured application really reads: SmallRye JWT's injection points default to "NONE"
        assertTrue(problem(Map.of("mp.jwt.verify.publickey.location", "NONE", "mp.jwt.verify.publickey", "NONE",
                "smallrye.jwt.verify.key.location", "NONE", "mp.jwt.verify.issuer", "https://okrpm.local"))
                .orElseThrow().contains("mp.jwt.verify.publickey.location (MP_JWT_VERIFY_PUBLICKEY_LOCATION)"));
    }

    @Test
    void aBlankValueIsMissingAndEveryMissingSettingIsNamedAtOnce() {
        String line = problem(Map.of("mp.jwt.verify.publickey.location", "file:/k.pem", "mp.jwt.verify.issuer", " "),
                "okrpm.webhooks.encryption-key").orElseThrow();
        assertTrue(line.contains("mp.jwt.verify.issuer (MP_JWT_VERIFY_ISSUER); okrpm.webhooks.encryption-key "
                + "(OKRPM_WEBHOOKS_ENCRYPTION_KEY) are not set"), line);
    }

    @Test
    void anApplicationsOwnRequiredSettingIsChecked() {
        Map<String, String> jwt = Map.of("mp.jwt.verify.publickey.location", "file:/k.pem",
                "mp.jwt.verify.issuer", "https://okrpm.local");
        assertTrue(problem(jwt, "okrpm.integrations.encryption-key").orElseThrow()
                .contains("okrpm.integrations.encryption-key (OKRPM_INTEGRATIONS_ENCRYPTION_KEY) is not set"));
        Map<String, String> withKey = new java.util.HashMap<>(jwt);
        withKey.put("okrpm.integrations.encryption-key", "b2tycG0=");
        assertEquals(Optional.empty(), problem(withKey, "okrpm.integrations.encryption-key"));
    }
}
