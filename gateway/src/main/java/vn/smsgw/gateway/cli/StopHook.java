package vn.smsgw.gateway.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The shutdown hook of a command that runs until Ctrl-C or SIGTERM: the hook tells the command to stop
 * ({@link #awaitStop}), then waits for the command's resources to be closed ({@link #close}) before it returns, as the
 * JVM halts once its hooks have returned. Closed without a stop, it is removed.
 */
final class StopHook implements AutoCloseable {
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread hook;

    /** Installs the hook, on a thread named {@code name}, waiting at most {@code closeWait} for the close. */
    StopHook(String name, Duration closeWait) {
        hook = new Thread(() -> {
            stop.countDown();
            try {
                closed.await(closeWait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Waits up to {@code timeout} for a stop; true once one came. */
    boolean awaitStop(long timeout, TimeUnit unit) throws InterruptedException {
        return stop.await(timeout, unit);
    }

    /** The command's resources are closed: a hook that is running returns; one that is not is removed. */
    @Override
    public void close() {
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running (it has waited for the close) or has run
        }
    }
}
