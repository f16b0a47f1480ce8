package com.ms5.floor.analytics.job;

/**
 * A work order: make {@code quantity} good parts of a product on a machine.
 *
 * @param idealCycleSeconds the product's ideal cycle time on this machine
 */
public record Job(String id, String productId, long quantity, double idealCycleSeconds, String machineId) {
}
