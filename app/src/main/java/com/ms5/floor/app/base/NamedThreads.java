package com.ms5.floor.app.base;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Executors with a name, a daemon flag and a handler that logs what would otherwise vanish. */
public final class NamedThreads {
    private static final Logger log = LoggerFactory.getLogger(NamedThreads.class);

    private NamedThreads() {
    }

    /**
     * One thread, in order. Work handed to it once it is shut down (a view's late reload while the
     * station closes) is dropped with a log line instead of thrown at the caller, often the FX thread.
     */
    public static ExecutorService singleThread(String name) {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), factory(name),
                (work, executor) -> log.debug("{} is shut down: later work dropped", name));
    }

    public static ThreadFactory factory(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> log.error("Uncaught exception on {}", t.getName(), e));
            return thread;
        };
    }

    /** Lets queued work finish for up to {@code seconds}, then interrupts what is left. */
    public static void shutdown(ExecutorService executor, long seconds) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(seconds, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
