package com.ms5.floor.plc.virtual;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Misbehaviour on demand, for tests of what clients do when a controller or its network fails.
 * Applies to every connection of the controller it belongs to; thread-safe.
 */
public final class FaultInjector {
    private volatile boolean stallReplies;
    private volatile long replyDelayMillis;
    private volatile boolean corruptNextReply;
    private volatile boolean refuseConnections;
    private final Map<String, Integer> tagErrors = new ConcurrentHashMap<>();

    /** Read requests but never answer them (a controller that hangs, or a cable pulled mid-reply). */
    public void stallReplies(boolean stall) {
        this.stallReplies = stall;
    }

    /** Answer every request this much later. */
    public void delayReplies(Duration delay) {
        this.replyDelayMillis = delay.toMillis();
    }

    /** Send the next reply as a frame that is not valid EtherNet/IP. */
    public void corruptNextReply() {
        this.corruptNextReply = true;
    }

    /** Close new TCP connections at once, as a controller with no free connections does. */
    public void refuseConnections(boolean refuse) {
        this.refuseConnections = refuse;
    }

    /** Answer every access to {@code tagName} with this CIP general status (for example 0x04). */
    public void failTag(String tagName, int generalStatus) {
        tagErrors.put(tagName.toUpperCase(Locale.ROOT), generalStatus);
    }

    public void reset() {
        stallReplies = false;
        replyDelayMillis = 0;
        corruptNextReply = false;
        refuseConnections = false;
        tagErrors.clear();
    }

    boolean stallingReplies() {
        return stallReplies;
    }

    long replyDelayMillis() {
        return replyDelayMillis;
    }

    boolean takeCorruptReply() {
        if (corruptNextReply) {
            corruptNextReply = false;
            return true;
        }
        return false;
    }

    boolean refusingConnections() {
        return refuseConnections;
    }

    /** The injected status for a tag, or {@code null}. */
    Integer tagError(String tagName) {
        return tagErrors.isEmpty() ? null : tagErrors.get(tagName.toUpperCase(Locale.ROOT));
    }
}
