package com.ms5.floor.app.runtime;

import com.ms5.floor.analytics.ProductionMinute;
import com.ms5.floor.app.NamedThreads;
import com.ms5.floor.app.persistence.ProductionMinuteRepository;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes closed production minutes to the database on its own thread ({@code db-writer}), in the
 * order they closed. Minutes that arrive before the database is ready, or while a write fails,
 * wait in memory and are written in order once it works (the durable journal is issue #6).
 */
public final class ProductionRecorder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProductionRecorder.class);

    private final ExecutorService writer = NamedThreads.singleThread("db-writer");
    private final Deque<ProductionMinute> pending = new ArrayDeque<>(); // touched only on the writer thread
    private final Clock clock;
    private ProductionMinuteRepository repository;

    public ProductionRecorder(Clock clock) {
        this.clock = clock;
    }

    /** Starts writing to {@code repository}, first whatever has waited. */
    public void attach(ProductionMinuteRepository repository) {
        writer.execute(() -> {
            this.repository = repository;
            flush();
        });
    }

    /** Queues a minute for writing; returns at once. Any thread. */
    public void record(ProductionMinute minute) {
        writer.execute(() -> {
            pending.addLast(minute);
            flush();
        });
    }

    private void flush() {
        while (repository != null && !pending.isEmpty()) {
            ProductionMinute next = pending.peekFirst();
            try {
                repository.record(next, clock.instant());
                pending.removeFirst();
            } catch (RuntimeException e) {
                log.warn("Writing production minute {} of {} failed; {} minute(s) wait for the next try: {}",
                        next.minuteStart(), next.machineId(), pending.size(), e.getMessage());
                return;
            }
        }
    }

    @Override
    public void close() {
        NamedThreads.shutdown(writer, 3);
    }
}
