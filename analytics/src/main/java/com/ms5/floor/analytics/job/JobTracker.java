package com.ms5.floor.analytics.job;

import com.ms5.floor.analytics.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The job running on one machine: started from the PLC's job-id tag (looked up in the open work
 * orders) or by hand, with its good count against target and a projected completion from the
 * recent rate. A change of product starts a changeover that ends with the first good part of the
 * new job. Deterministic, not thread-safe.
 */
public final class JobTracker {
    /** How the running job stands. {@code projectedCompletion} is null while there is no rate. */
    public record Status(Job job, Instant started, long good, long remaining, double ratePerMinute,
                         Instant projectedCompletion, boolean manual) {
        public double progress() {
            return job.quantity() == 0 ? 1 : Math.min(1.0, (double) good / job.quantity());
        }
    }

    /** A changeover from one product to another, measured from the job change to the first good part. */
    public record Changeover(String machineId, String fromProduct, String toProduct, TimeRange range) {
    }

    private final String machineId;
    private final Map<String, Job> openJobsById;
    private final Duration rateWindow;
    private final Consumer<Changeover> changeovers;
    private record Made(Instant at, long parts) {
    }

    private final Deque<Made> recent = new ArrayDeque<>();
    private long recentParts;
    private Job job;
    private Instant started;
    private long good;
    private boolean manual;
    private String previousProduct;
    private Instant changeoverStart;

    public JobTracker(String machineId, Map<String, Job> openJobsById, Duration rateWindow,
                      Consumer<Changeover> changeovers) {
        this.machineId = machineId;
        this.openJobsById = Map.copyOf(openJobsById);
        this.rateWindow = rateWindow;
        this.changeovers = changeovers;
    }

    /** The PLC's job-id tag read {@code jobId}; an unknown id keeps the current job (and says so). */
    public boolean onJobIdTag(String jobId, Instant at) {
        if (job != null && job.id().equals(jobId)) {
            return true;
        }
        Job next = openJobsById.get(jobId);
        if (next == null) {
            return false;
        }
        start(next, at, false);
        return true;
    }

    /** A person starts a job by hand. */
    public void startManually(Job next, Instant at) {
        start(next, at, true);
    }

    /** Good parts made at {@code at} (a count delta). */
    public void onGoodParts(long parts, Instant at) {
        if (job == null || parts <= 0) {
            return;
        }
        if (changeoverStart != null) {
            changeovers.accept(new Changeover(machineId, previousProduct, job.productId(),
                    new TimeRange(changeoverStart, at)));
            changeoverStart = null;
        }
        good += parts;
        recent.addLast(new Made(at, parts));
        recentParts += parts;
        Instant from = at.minus(rateWindow);
        while (!recent.peekFirst().at().isAfter(from)) { // parts in (at - window, at]
            recentParts -= recent.removeFirst().parts();
        }
    }

    public Status status(Instant now) {
        if (job == null) {
            return null;
        }
        double minutes = Math.min(rateWindow.toNanos(), Duration.between(started, now).toNanos()) / 60e9;
        double rate = minutes > 0 ? recentParts / minutes : 0;
        long remaining = Math.max(0, job.quantity() - good);
        Instant done = remaining == 0 ? now
                : rate > 0 ? now.plusMillis(Math.round(remaining / rate * 60_000)) : null;
        return new Status(job, started, good, remaining, rate, done, manual);
    }

    private void start(Job next, Instant at, boolean byHand) {
        if (job != null && !job.productId().equals(next.productId())) {
            previousProduct = job.productId();
            changeoverStart = at;
        }
        job = next;
        started = at;
        good = 0;
        manual = byHand;
        recent.clear();
        recentParts = 0;
    }
}
