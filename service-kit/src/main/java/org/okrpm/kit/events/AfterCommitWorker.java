package org.okrpm.kit.events;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Drains work that transactions leave in the database (outbox rows, webhook deliveries) on one thread of its
 * own: woken right after a commit that left work, and by its owner's sweep for whatever a crash or an outage
 * left behind. Rounds run until one says there is nothing more; a failed round is logged once (and its
 * recovery), and the work waits in the database for the next wake. Several replicas may drain at once: the
 * rounds claim rows with {@code FOR UPDATE SKIP LOCKED}.
 */
public final class AfterCommitWorker {

    private static final Logger LOG = Logger.getLogger(AfterCommitWorker.class);

    /** One round of work, in transactions of its own; true when more may be waiting right away. */
    @FunctionalInterface
    public interface Round {
        boolean run() throws Exception;
    }

    private final String name;
    private final Round round;
    private final ExecutorService executor;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean failing;

    public AfterCommitWorker(String name, Round round) {
        this.name = name;
        this.round = round;
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Wakes the worker once the current transaction has committed (several calls, one wake). */
    public void wakeAfterCommit(TransactionSynchronizationRegistry transactions) {
        if (transactions.getResource(this) != null) {
            return;
        }
        transactions.putResource(this, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wake();
                }
            }
        });
    }

    /** Asks for rounds soon, off the caller's thread. */
    public void wake() {
        pending.set(true);
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException stopping) {
            // the application is stopping: the work stays in the database for the next start
        }
    }

    private void drain() {
        while (pending.get() && running.compareAndSet(false, true)) {
            try {
                pending.set(false);
                while (round.run()) {
                    // the next round right away
                }
                if (failing) {
                    LOG.infof("%s works again", name);
                    failing = false;
                }
            } catch (Exception e) {
                if (!failing) {
                    LOG.warnf("%s could not finish a round (%s); the work stays in the database and is retried",
                            name, e.toString());
                }
                failing = true;
            } finally {
                running.set(false);
            }
        }
    }

    /** Lets a running round finish (up to {@code grace}) and takes no more. */
    public void stop(Duration grace) {
        executor.shutdown();
        try {
            executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
