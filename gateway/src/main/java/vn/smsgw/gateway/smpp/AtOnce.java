package vn.smsgw.gateway.smpp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs stop steps side by side, each on a thread of its own, and waits for all of them: steps that each may wait out a
 * timeout (an SMSC that does not answer unbind) then cost the longest of them, not their sum.
 */
public final class AtOnce {

    private AtOnce() {
    }

    /**
     * Runs every step on a daemon thread named by its key and returns once all have ended; an interrupt stops the
     * waiting (the steps go on) and is kept.
     */
    public static void run(Map<String, Runnable> stepsByThreadName) {
        List<Thread> running = new ArrayList<>();
        stepsByThreadName.forEach((name, step) -> {
            Thread t = new Thread(step, name);
            t.setDaemon(true);
            t.start();
            running.add(t);
        });
        for (Thread t : running) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
