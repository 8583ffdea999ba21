package org.okrpm.project.keyresult;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.okrpm.kit.http.CurrentRequest;

/**
 * Answers from the local replica of key results; a tombstone (deleted) does not exist. An id the replica has
 * never seen is looked up once in okr-service (passing the caller's credentials on): found → stored in the
 * replica with its version and accepted; 404 → does not exist; no answer → {@link KeyResultUnconfirmedException}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReplicaKeyResultDirectory implements KeyResultDirectory {

    private static final Logger LOG = Logger.getLogger(ReplicaKeyResultDirectory.class);

    @Inject
    KeyResultLookup lookup;

    @Inject
    KeyResultReplicas replicas;

    @Inject
    CurrentRequest currentRequest;

    @Inject
    CurrentVertxRequest currentVertxRequest;

    @Override
    public boolean exists(UUID keyResultId) {
        KeyResultReplica known = KeyResultReplica.findById(keyResultId);
        if (known != null) {
            return !known.deleted;
        }
        Optional<KeyResultSnapshot> found;
        try {
            found = lookup.find(keyResultId, header("Authorization"), header("X-API-Key"), currentRequest.id());
        } catch (RuntimeException e) {
            LOG.warnf("Key result %s: not in the replica, and okr-service could not confirm it (%s)", keyResultId,
                    e.toString());
            throw new KeyResultUnconfirmedException(keyResultId, e);
        }
        if (found.isEmpty()) {
            return false;
        }
        KeyResultSnapshot snapshot = found.get();
        remember(keyResultId, snapshot);
        return !snapshot.deleted();
    }

    /** Keeps what okr-service said, in a transaction of its own: it is true whatever the caller's change does. */
    private void remember(UUID keyResultId, KeyResultSnapshot snapshot) {
        KeyResultSnapshot row = new KeyResultSnapshot(keyResultId, snapshot.objectiveId(), snapshot.cycleId(),
                snapshot.progressSource(), snapshot.deleted(), snapshot.version() == null ? 0L : snapshot.version());
        try {
            QuarkusTransaction.requiringNew().run(() -> replicas.applyIfNewer(row, row.deleted()));
        } catch (RuntimeException e) {
            // the okr.key-results consumer wrote the same key result at the same moment: its row stands
            LOG.debugf("Key result %s already stored by the consumer (%s)", keyResultId, e.toString());
        }
    }

    private String header(String name) {
        try {
            RoutingContext ctx = currentVertxRequest.getCurrent();
            return ctx == null ? null : ctx.request().getHeader(name);
        } catch (ContextNotActiveException e) {
            return null;
        }
    }
}
