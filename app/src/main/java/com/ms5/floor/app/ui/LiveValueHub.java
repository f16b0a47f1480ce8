package com.ms5.floor.app.ui;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;

/**
 * The one way live values reach the screen (shared/DESIGN.md, threading rule 3).
 *
 * <p>Any thread may {@link #publish}; only the latest value per key is kept. One
 * {@link AnimationTimer} drains what changed at most every {@value #DRAIN_INTERVAL_MS} ms and
 * hands each value to the key's subscribers on the FX thread, so a burst of updates costs the UI
 * one call per key per drain, however fast the PLC is polled.
 */
@Singleton
public final class LiveValueHub {
    static final long DRAIN_INTERVAL_MS = 100;

    private final Map<String, Object> changed = new ConcurrentHashMap<>();
    private final Map<String, Object> latest = new ConcurrentHashMap<>();
    private final Map<String, List<Consumer<Object>>> subscribers = new ConcurrentHashMap<>();
    private final AnimationTimer timer = new AnimationTimer() {
        private long lastDrain;

        @Override
        public void handle(long now) {
            if (now - lastDrain >= DRAIN_INTERVAL_MS * 1_000_000) {
                lastDrain = now;
                drain();
            }
        }
    };

    /** Any thread. */
    public void publish(String key, Object value) {
        latest.put(key, value);
        changed.put(key, value);
    }

    /** The latest value published under {@code key}, or {@code null}; any thread. */
    @SuppressWarnings("unchecked")
    public <T> T latest(String key) {
        return (T) latest.get(key);
    }

    /**
     * FX thread. The subscriber gets the current value at the next drain, then every change.
     *
     * @return call it to unsubscribe (when the view leaves the screen)
     */
    @SuppressWarnings("unchecked")
    public <T> Runnable subscribe(String key, Consumer<T> subscriber) {
        Consumer<Object> consumer = value -> subscriber.accept((T) value);
        subscribers.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(consumer);
        Object current = latest.get(key);
        if (current != null) {
            changed.putIfAbsent(key, current);
        }
        return () -> subscribers.getOrDefault(key, List.of()).remove(consumer);
    }

    /** FX thread: {@link #subscribe} while {@code view} is in a scene, so a view takes live data only while it is shown. */
    public <T> void subscribeWhileShown(Node view, String key, Consumer<T> subscriber) {
        Runnable[] subscription = new Runnable[1];
        whileShown(view, () -> subscription[0] = subscribe(key, subscriber), () -> subscription[0].run());
    }

    /** FX thread: runs {@code shown} when {@code view} enters a scene (or now, if it is in one) and {@code hidden} when it leaves. */
    public static void whileShown(Node view, Runnable shown, Runnable hidden) {
        view.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null && old == null) {
                shown.run();
            } else if (scene == null && old != null) {
                hidden.run();
            }
        });
        if (view.getScene() != null) {
            shown.run();
        }
    }

    /** FX thread: delivers what changed since the last drain. Called by the timer. */
    void drain() {
        for (String key : changed.keySet()) {
            Object value = changed.remove(key);
            if (value == null) {
                continue;
            }
            for (Consumer<Object> subscriber : subscribers.getOrDefault(key, List.of())) {
                subscriber.accept(value);
            }
        }
    }

    /** FX thread. */
    public void start() {
        timer.start();
    }

    /** FX thread. */
    public void stop() {
        timer.stop();
    }
}
