package org.okrpm.gateway.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.jboss.logging.Logger;
import org.okrpm.gateway.GatewayConfig;

/**
 * The local stack's signing key pair ({@code private.pem} PKCS#8, {@code public.pem} X.509) under
 * {@code ${okrpm.data-dir:./data}/keys/}: created on first start when missing, so no key is ever committed.
 * Only where dev tokens are enabled (local and test profiles); in prod the keys come from ops.
 */
@ApplicationScoped
public class LocalKeyPair {

    private static final Logger LOG = Logger.getLogger(LocalKeyPair.class);

    @Inject
    GatewayConfig config;

    void onStart(@Observes @Priority(1) StartupEvent event) {
        if (config.devToken().createKeys()) {
            ensure(Path.of(config.devToken().keyDir()));
        }
    }

    /** Creates the key pair in {@code dir} unless both files are there already. */
    public static synchronized void ensure(Path dir) {
        Path privateKey = dir.resolve("private.pem");
        Path publicKey = dir.resolve("public.pem");
        if (Files.exists(privateKey) && Files.exists(publicKey)) {
            return;
        }
        try {
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            write(privateKey, "PRIVATE KEY", pair.getPrivate().getEncoded());
            restrict(privateKey);
            write(publicKey, "PUBLIC KEY", pair.getPublic().getEncoded());
            LOG.infof("Created the local signing key pair in %s", dir.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the local key pair in " + dir, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String type, byte[] der) throws IOException {
        String pem = "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
        Files.writeString(file, pem);
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the directory's own permissions apply
        }
    }
}
