package com.ms5.floor.app.live;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * {@link LiveValues} that keep what changed until {@link #drain()} delivers it: whoever calls
 * {@code drain} is the delivery thread (the UI's frame timer; a test's own thread). Publishing a
 * value twice before a drain delivers it once.
 */
@Singleton
public final class CoalescingLiveValues implements LiveValues {
    private final Map<LiveKey<?>, Object> changed = new ConcurrentHashMap<>();
    private final Map<LiveKey<?>, Object> latest = new ConcurrentHashMap<>();
    private final Map<LiveKey<?>, List<Subscriber<?>>> subscribers = new ConcurrentHashMap<>();

    /** A subscriber with its key's type, so that delivery needs no cast at the call site. */
    private record Subscriber<T>(LiveKey<T> key, Consumer<? super T> consumer) {
        @SuppressWarnings("unchecked") // only values published under key are stored under key
        void deliver(Object value) {
            consumer.accept((T) value);
        }
    }

    @Override
    public <T> void publish(LiveKey<T> key, T value) {
        latest.put(key, value);
        changed.put(key, value);
    }

    @Override
    @SuppressWarnings("unchecked") // publish(LiveKey<T>, T) is the only way in
    public <T> T latest(LiveKey<T> key) {
        return (T) latest.get(key);
    }

    @Override
    public <T> Runnable subscribe(LiveKey<T> key, Consumer<? super T> consumer) {
        Subscriber<T> subscriber = new Subscriber<>(key, consumer);
        subscribers.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(subscriber);
        Object current = latest.get(key);
        if (current != null) {
            changed.putIfAbsent(key, current);
        }
        return () -> subscribers.getOrDefault(key, List.of()).remove(subscriber);
    }

    /** On the delivery thread: hands each key's subscribers what changed since the last drain. */
    public void drain() {
        for (LiveKey<?> key : changed.keySet()) {
            Object value = changed.remove(key);
            if (value == null) {
                continue;
            }
            for (Subscriber<?> subscriber : subscribers.getOrDefault(key, List.of())) {
                subscriber.deliver(value);
            }
        }
    }
}
