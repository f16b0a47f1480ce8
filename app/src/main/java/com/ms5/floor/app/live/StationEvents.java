package com.ms5.floor.app.live;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The typed stream of {@link StationEvent}s. Listeners are called on the publishing thread
 * ({@code db-listen}), in order, and must not block it: slow work goes to an executor of their
 * own, screen work through the UI's executor. A listener that throws is logged and the others
 * still hear the event.
 */
@Singleton
public final class StationEvents {
    private static final Logger log = LoggerFactory.getLogger(StationEvents.class);

    private final List<Listener<?>> listeners = new CopyOnWriteArrayList<>();

    private record Listener<E extends StationEvent>(Class<E> type, Consumer<? super E> consumer) {
        void offer(StationEvent event) {
            if (type.isInstance(event)) {
                consumer.accept(type.cast(event));
            }
        }
    }

    /** Any thread. @return call it to stop listening */
    public <E extends StationEvent> Runnable subscribe(Class<E> type, Consumer<? super E> consumer) {
        Listener<E> listener = new Listener<>(type, consumer);
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void publish(StationEvent event) {
        for (Listener<?> listener : listeners) {
            try {
                listener.offer(event);
            } catch (RuntimeException e) {
                log.error("Handling {} failed", event, e);
            }
        }
    }
}
