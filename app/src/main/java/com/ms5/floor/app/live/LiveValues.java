package com.ms5.floor.app.live;

import java.util.function.Consumer;

/**
 * The latest value of each live thing the station works out (a line's status, the Andon board,
 * the station's health), for whoever shows it (shared/DESIGN.md, threading rule 3).
 *
 * <p>Any thread may {@link #publish} and read the {@link #latest} value. Subscribers are called on
 * the implementation's delivery thread (in the app: the FX thread, at most once per frame with
 * only the latest value of each key), so a burst of updates costs a subscriber one call.
 */
public interface LiveValues {
    /** Any thread; keeps only the latest value per key. */
    <T> void publish(LiveKey<T> key, T value);

    /** The latest value published under {@code key}, or {@code null} if none yet; any thread. */
    <T> T latest(LiveKey<T> key);

    /**
     * On the delivery thread. The subscriber gets the current value at the next delivery, then every change.
     *
     * @return call it (on the delivery thread) to unsubscribe
     */
    <T> Runnable subscribe(LiveKey<T> key, Consumer<? super T> subscriber);
}
