package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AtOnceTest {

    @Test
    void run_stepsThatEachWaitForAllTheOthers_allStartTogetherAndAllHaveEndedOnReturn() {
        CountDownLatch allStarted = new CountDownLatch(3);
        Set<String> ended = ConcurrentHashMap.newKeySet();
        Map<String, Runnable> steps = new LinkedHashMap<>();
        for (String name : List.of("stop-a", "stop-b", "stop-c")) {
            steps.put(name, () -> {
                allStarted.countDown();
                try {
                    // one after the other, no step could pass this: each needs the others started
                    if (allStarted.await(10, TimeUnit.SECONDS)) {
                        ended.add(Thread.currentThread().getName());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        AtOnce.run(steps);

        assertEquals(Set.of("stop-a", "stop-b", "stop-c"), ended, "every step ran to its end, on its named thread");
    }
}
