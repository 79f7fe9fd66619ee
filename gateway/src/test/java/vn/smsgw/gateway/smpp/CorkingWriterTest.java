package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Corked output keeps one thread's PDUs for one write; the corking writer batches its tasks under the cork. */
class CorkingWriterTest {

    /** A socket's stream stand-in that records each write call. */
    static final class Writes extends OutputStream {
        final List<byte[]> writes = new ArrayList<>();
        final ByteArrayOutputStream all = new ByteArrayOutputStream();
        boolean fail;

        @Override
        public synchronized void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            if (fail) {
                throw new IOException("connection reset");
            }
            byte[] copy = java.util.Arrays.copyOfRange(b, off, off + len);
            writes.add(copy);
            all.write(copy);
        }

        synchronized int count() {
            return writes.size();
        }
    }

    private final Writes socket = new Writes();
    private final CorkableOutput out = new CorkableOutput(socket);

    private static byte[] pdu(int n) {
        byte[] b = new byte[17];
        b[16] = (byte) n;
        return b;
    }

    @Test
    void uncorked_everyFlushWritesAtOnce() throws IOException {
        out.write(pdu(1));
        out.flush();
        out.write(pdu(2));
        out.flush();
        assertEquals(2, socket.count());
        assertEquals(0, out.kept());
    }

    @Test
    void corked_flushesOfTheCorkingThreadAreKeptAndUncorkWritesThemInOneGo() throws IOException {
        out.cork();
        for (int i = 0; i < 50; i++) {
            out.write(pdu(i));
            out.flush();
        }
        assertEquals(0, socket.count());
        assertEquals(50 * 17, out.kept());
        out.uncork();
        assertEquals(1, socket.count());
        assertEquals(50 * 17, socket.all.size());
        out.write(pdu(99));
        out.flush();
        assertEquals(2, socket.count(), "uncorked again");
    }

    @Test
    void corked_anotherThreadsFlush_writesItsPduAfterWhatWasKept() throws Exception {
        out.cork();
        out.write(pdu(1));
        out.flush();
        Thread other = new Thread(() -> writePdu(2));
        other.start();
        other.join(10_000);
        assertEquals(1, socket.count(), "written at once, with the kept bytes first");
        byte[] expected = new byte[34];
        System.arraycopy(pdu(1), 0, expected, 0, 17);
        System.arraycopy(pdu(2), 0, expected, 17, 17);
        assertArrayEquals(expected, socket.all.toByteArray());
        out.uncork();
        assertEquals(1, socket.count(), "nothing left to write");
    }

    @Test
    void corked_moreThanItKeeps_isWrittenWhenFullInOrder() throws IOException {
        out.cork();
        byte[] big = new byte[CorkableOutput.CAPACITY - 10];
        big[0] = 7;
        out.write(pdu(1));
        out.write(big);
        assertEquals(1, socket.count(), "the first PDU left to make room");
        out.write(new byte[CorkableOutput.CAPACITY * 2]);
        assertEquals(3, socket.count(), "what was kept, then the oversized write on its own");
        out.uncork();
        assertEquals(17 + big.length + CorkableOutput.CAPACITY * 2, socket.all.size());
        assertEquals(7, socket.writes.get(1)[0]);
    }

    @Test
    void uncork_connectionGone_throwsAndKeepsNothing() throws IOException {
        out.cork();
        out.write(pdu(1));
        out.flush();
        socket.fail = true;
        assertThrows(IOException.class, out::uncork);
        assertEquals(0, out.kept());
    }

    @Test
    void writer_tasksHandedInTogether_runInOrderInOneCorkedBatch() throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            CorkingWriter writer = new CorkingWriter(thread, () -> out);
            CountDownLatch hold = new CountDownLatch(1);
            List<Integer> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
            thread.execute(() -> awaitQuietly(hold)); // the writer's thread is busy while the tasks are handed in
            for (int i = 0; i < 20; i++) {
                int n = i;
                writer.execute(() -> {
                    writePdu(n);
                    ran.add(n);
                });
            }
            hold.countDown();
            thread.shutdown();
            assertTrue(thread.awaitTermination(10, TimeUnit.SECONDS));

            assertEquals(java.util.stream.IntStream.range(0, 20).boxed().toList(), ran);
            assertEquals(1, socket.count(), "twenty answers, one write");
            assertEquals(20 * 17, socket.all.size());
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void writer_taskThatThrows_theNextOfItsBatchStillRunsAndTheBatchIsWritten() throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            CorkingWriter writer = new CorkingWriter(thread, () -> out);
            CountDownLatch hold = new CountDownLatch(1);
            thread.execute(() -> awaitQuietly(hold)); // both tasks are handed in before the batch begins
            CountDownLatch done = new CountDownLatch(1);
            writer.execute(() -> {
                throw new IllegalStateException("a broken answer");
            });
            writer.execute(() -> {
                writePdu(5);
                done.countDown();
            });
            hold.countDown();
            assertTrue(done.await(10, TimeUnit.SECONDS));
            thread.shutdown();
            assertTrue(thread.awaitTermination(10, TimeUnit.SECONDS));
            assertArrayEquals(pdu(5), socket.all.toByteArray());
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void writer_threadRefusesWork_runsTheBatchOnTheCaller() throws IOException {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        thread.shutdown();
        CorkingWriter writer = new CorkingWriter(thread, () -> out);
        List<String> ran = new ArrayList<>();
        writer.execute(() -> ran.add(Thread.currentThread().getName()));
        assertEquals(List.of(Thread.currentThread().getName()), ran);
    }

    @Test
    void writer_noConnectionYet_runsTheTasksUncorked() {
        List<Integer> ran = new ArrayList<>();
        CorkingWriter writer = new CorkingWriter(Runnable::run, () -> null);
        writer.execute(() -> ran.add(1));
        writer.execute(() -> ran.add(2));
        assertEquals(List.of(1, 2), ran);
    }

    @Test
    void writer_taskHandedInWhileItsBatchRuns_joinsThatBatch() throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            CorkingWriter writer = new CorkingWriter(thread, () -> out);
            CountDownLatch done = new CountDownLatch(1);
            writer.execute(() -> {
                writePdu(1);
                writer.execute(() -> {
                    writePdu(2);
                    done.countDown();
                });
            });
            assertTrue(done.await(10, TimeUnit.SECONDS));
            thread.shutdown();
            assertTrue(thread.awaitTermination(10, TimeUnit.SECONDS));
            assertEquals(1, socket.count(), "one batch, one write");
            assertEquals(34, socket.all.size());
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void writer_longRun_isWrittenEveryMaxBatchTasks() {
        CorkingWriter writer = new CorkingWriter(Runnable::run, () -> out);
        List<Integer> ran = new ArrayList<>();
        // the first task hands in the rest while its batch runs on this thread: one run of them all
        writer.execute(() -> {
            for (int i = 0; i < CorkingWriter.MAX_BATCH + 43; i++) {
                int n = i;
                writer.execute(() -> {
                    writePdu(n);
                    ran.add(n);
                });
            }
        });
        assertEquals(CorkingWriter.MAX_BATCH + 43, ran.size());
        assertEquals(2, socket.count(), "a write after the first MAX_BATCH tasks, one for the rest");
        assertEquals((CorkingWriter.MAX_BATCH + 43) * 17, socket.all.size());
    }

    @Test
    void writer_noThreadForABatch_throwsAndTheNextTaskRunsBoth() {
        java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean(true);
        CorkingWriter writer = new CorkingWriter(task -> {
            if (broken.getAndSet(false)) {
                throw new OutOfMemoryError("unable to create native thread");
            }
            task.run();
        }, () -> out);
        List<Integer> ran = new ArrayList<>();
        assertThrows(OutOfMemoryError.class, () -> writer.execute(() -> ran.add(1)));
        writer.execute(() -> ran.add(2));
        assertEquals(List.of(1, 2), ran);
    }

    @Test
    void cork_takenOverByAnotherThread_theFirstThreadsUncorkLeavesTheNewCorkInPlace() throws Exception {
        out.cork();
        CountDownLatch corked = new CountDownLatch(1);
        CountDownLatch firstUncorked = new CountDownLatch(1);
        CountDownLatch written = new CountDownLatch(1);
        Thread other = new Thread(() -> {
            out.cork();
            corked.countDown();
            awaitQuietly(firstUncorked);
            writePdu(2);
            written.countDown();
        });
        other.start();
        assertTrue(corked.await(10, TimeUnit.SECONDS));
        out.write(pdu(1));
        out.flush();
        assertEquals(1, socket.count(), "no longer corked by this thread: written at once");
        out.uncork();
        firstUncorked.countDown();
        assertTrue(written.await(10, TimeUnit.SECONDS));
        other.join(10_000);
        assertEquals(1, socket.count(), "the other thread's cork stands");
        assertEquals(17, out.kept());
    }

    private void writePdu(int n) {
        try {
            synchronized (out) {
                out.write(pdu(n));
                out.flush();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
