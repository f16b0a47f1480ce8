package com.ms5.floor.plc.api;

/**
 * Receives the batches of a poller.
 *
 * <p>Threading: called on the poller's own scan thread (named {@code plc-poll-<connection>}), one
 * batch at a time and in scan order. Implementations must return quickly and must not block on
 * I/O or the UI; hand work off to another executor instead.
 */
@FunctionalInterface
public interface SampleBatchListener {
    void onBatch(SampleBatch batch);
}
