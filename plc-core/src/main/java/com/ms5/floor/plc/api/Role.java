package com.ms5.floor.plc.api;

/**
 * What a machine's tag means. A binding's value arrives in {@link SampleBatch}es under the name
 * {@code <machine id>.<key>}, for example {@code L1-FILLER.totalCount}; custom tags use their own name.
 */
public enum Role {
    STATE("state"),
    RUNNING("running"),
    TOTAL_COUNT("totalCount"),
    GOOD_COUNT("goodCount"),
    REJECT_COUNT("rejectCount"),
    FAULT_CODE("faultCode"),
    SPEED("speed"),
    PRODUCT_ID("productId"),
    JOB_ID("jobId"),
    ANDON("andon"),
    CUSTOM("custom");

    private final String key;

    Role(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The name a machine's value of this role carries in sample batches. */
    public String valueName(String machineId) {
        return machineId + "." + key;
    }

    public boolean isCounter() {
        return this == TOTAL_COUNT || this == GOOD_COUNT || this == REJECT_COUNT;
    }
}
