package com.ms5.floor.analytics.pipeline;

import com.ms5.floor.analytics.ProductionMinute;
import com.ms5.floor.analytics.TimeRange;
import com.ms5.floor.analytics.andon.AlarmState;
import com.ms5.floor.analytics.andon.AndonBoard;
import com.ms5.floor.analytics.andon.AndonCall;
import com.ms5.floor.analytics.andon.AndonEvent;
import com.ms5.floor.analytics.andon.EscalationRule;
import com.ms5.floor.analytics.downtime.DowntimeEvent;
import com.ms5.floor.analytics.downtime.FaultReasonMap;
import com.ms5.floor.analytics.downtime.LossCategory;
import com.ms5.floor.analytics.downtime.ReasonTree;
import com.ms5.floor.analytics.oee.OeeProfile;
import com.ms5.floor.analytics.shift.ShiftCalendar;
import com.ms5.floor.analytics.shift.ShiftDefinition;
import com.ms5.floor.analytics.state.StateInterval;
import com.ms5.floor.plc.api.SampleBatch;
import com.ms5.floor.plc.api.TagValue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Samples per second through the whole analytics pipeline (timelines, counts, downtime, Andon)
 * for 50 lines of 10 machines, on one thread, and the heap over a simulated 30-day run.
 *
 * <p>Run: {@code ./mvnw -Pbench-analytics -pl analytics -am -DskipTests package}. Options in
 * {@code -Dbench.args}: {@code --days=N} for the long run (default 30).
 */
public final class AnalyticsBenchmark {
    static final int LINES = 50;
    static final int MACHINES_PER_LINE = 10;

    /** A machine that runs, makes micro-stops and faults, rejects 2 %, and calls for quality now and then. */
    static final class SimulatedMachine {
        final String id;
        final SplittableRandom random;
        long total;
        long good;
        long downUntil;
        long fault;
        long andonUntil;
        double partCredit;

        SimulatedMachine(String id, long seed) {
            this.id = id;
            this.random = new SplittableRandom(seed);
        }

        void step(long second, long dtSeconds, Map<String, TagValue> out, Instant t) {
            if (second >= downUntil) {
                fault = 0;
                if (random.nextInt(1800) < dtSeconds) {
                    fault = 1 + random.nextInt(20);
                    downUntil = second + 30 + random.nextInt(570);
                } else if (random.nextInt(300) < dtSeconds) {
                    downUntil = second + 10 + random.nextInt(80);
                }
            }
            boolean running = second >= downUntil;
            if (running) {
                partCredit += dtSeconds * 0.9; // 90 % of the ideal rate of one part a second
                long parts = (long) partCredit;
                partCredit -= parts;
                total += parts;
                for (long p = 0; p < parts; p++) {
                    if (random.nextInt(50) != 0) {
                        good++;
                    }
                }
            }
            if (random.nextInt(7200) < dtSeconds) {
                andonUntil = second + 60;
            }
            out.put(id + ".state", TagValue.good(running ? 1L : fault != 0 ? 3L : 2L, t));
            out.put(id + ".totalCount", TagValue.good((long) (int) total, t));
            out.put(id + ".goodCount", TagValue.good((long) (int) good, t));
            out.put(id + ".faultCode", TagValue.good(fault, t));
            out.put(id + ".andon", TagValue.good(second < andonUntil ? 2L : 0L, t));
        }
    }

    static final class CountingListener implements AnalyticsListener {
        long intervals;
        long downtime;
        long minutes;
        long andon;

        @Override
        public void onInterval(StateInterval closed) {
            intervals++;
        }

        @Override
        public void onDowntime(DowntimeEvent event) {
            downtime++;
        }

        @Override
        public void onMinute(ProductionMinute minute) {
            minutes++;
        }

        @Override
        public void onAndon(AndonEvent event) {
            andon++;
        }
    }

    public static void main(String[] args) {
        int days = 30;
        for (String arg : args) {
            if (arg.startsWith("--days=")) {
                days = Integer.parseInt(arg.substring("--days=".length()));
            }
        }
        System.out.printf("Analytics benchmark: %d lines x %d machines, 5 values per machine, one thread%n%n",
                LINES, MACHINES_PER_LINE);

        System.out.println("Throughput (scans every second, 1 simulated hour after 10 minutes of warm-up):");
        run(Duration.ofSeconds(1), Duration.ofMinutes(10), false);
        Result hour = run(Duration.ofSeconds(1), Duration.ofHours(1), true);
        System.out.printf("  samples            %,14d%n", hour.samples);
        System.out.printf("  pipeline           %,14.0f samples/s  (time inside PlantAnalytics.accept only)%n",
                hour.samples / hour.pipelineSeconds);
        System.out.printf("  with the simulator %,14.0f samples/s%n", hour.samples / hour.totalSeconds);
        System.out.printf("  events             %,d intervals, %,d downtime events, %,d minutes, %,d Andon events%n%n",
                hour.listener.intervals, hour.listener.downtime, hour.listener.minutes, hour.listener.andon);

        System.out.printf("Heap over a simulated %d-day run (scans every 60 s; used heap after a full GC):%n", days);
        run(Duration.ofSeconds(60), Duration.ofDays(days), true);
    }

    record Result(long samples, double pipelineSeconds, double totalSeconds, CountingListener listener) {
    }

    static Result run(Duration scan, Duration length, boolean report) {
        CountingListener listener = new CountingListener();
        List<PlantModel.Line> lines = new ArrayList<>();
        List<List<SimulatedMachine>> sims = new ArrayList<>();
        for (int l = 0; l < LINES; l++) {
            List<PlantModel.Machine> machines = new ArrayList<>();
            List<SimulatedMachine> lineSims = new ArrayList<>();
            for (int m = 0; m < MACHINES_PER_LINE; m++) {
                String id = "L" + l + "-M" + m;
                machines.add(PlantModel.Machine.standard(id, 1.0));
                lineSims.add(new SimulatedMachine(id, l * 100L + m));
            }
            lines.add(new PlantModel.Line("L" + l, machines));
            sims.add(lineSims);
        }
        ShiftCalendar calendar = new ShiftCalendar(ZoneId.of("Europe/Berlin"), List.of(
                ShiftDefinition.daily("Early", LocalTime.of(6, 0), LocalTime.of(14, 0),
                        new ShiftDefinition.Break("Break", LocalTime.of(10, 0), LocalTime.of(10, 30))),
                ShiftDefinition.daily("Late", LocalTime.of(14, 0), LocalTime.of(22, 0),
                        new ShiftDefinition.Break("Break", LocalTime.of(18, 0), LocalTime.of(18, 30))),
                ShiftDefinition.daily("Night", LocalTime.of(22, 0), LocalTime.of(6, 0),
                        new ShiftDefinition.Break("Break", LocalTime.of(2, 0), LocalTime.of(2, 30)))), Set.of(), List.of());
        List<ReasonTree.Node> nodes = new ArrayList<>();
        Map<Long, String> mapping = new HashMap<>();
        for (long code = 1; code <= 20; code++) {
            nodes.add(new ReasonTree.Node("r" + code, "Reason " + code, null, LossCategory.BREAKDOWN));
            mapping.put(code, "r" + code);
        }
        PlantAnalytics plant = new PlantAnalytics(new PlantModel(lines, OeeProfile.ISO_22400,
                scan.multipliedBy(3), Duration.ofDays(1)), calendar, new ReasonTree(nodes),
                List.of(new EscalationRule("maintenance", List.of(new EscalationRule.Step(1, Duration.ZERO, "lead"),
                        new EscalationRule.Step(2, Duration.ofMinutes(5), "planner")), false)), listener);
        plant.downtime().useMapping(new FaultReasonMap(1, Instant.EPOCH, "bench", mapping));

        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        long steps = length.dividedBy(scan);
        long dt = scan.toSeconds();
        long pipelineNanos = 0;
        long began = System.nanoTime();
        int nextReportDay = 1;
        Map<String, TagValue> values = new HashMap<>();
        for (long i = 0; i <= steps; i++) {
            long second = i * dt;
            Instant t = start.plusSeconds(second);
            for (int l = 0; l < LINES; l++) {
                values.clear();
                for (SimulatedMachine sim : sims.get(l)) {
                    sim.step(second, dt, values, t);
                }
                SampleBatch batch = new SampleBatch("plc-" + l, "fast", t, values, Set.of());
                long s = System.nanoTime();
                plant.accept(batch);
                pipelineNanos += System.nanoTime() - s;
            }
            if (second % 60 == 0) {
                acknowledgeOldCalls(plant, t);
            }
            if (report && dt >= 60 && second > 0 && second % 86_400 == 0) {
                int day = (int) (second / 86_400);
                if (day == nextReportDay) {
                    printHeap(day, plant, t);
                    nextReportDay = day < 5 ? day + 1 : day + 5;
                }
            }
        }
        return new Result(plant.samplesProcessed(), pipelineNanos / 1e9, (System.nanoTime() - began) / 1e9, listener);
    }

    /** The people on the floor: every minute, someone acknowledges the calls older than two minutes. */
    private static void acknowledgeOldCalls(PlantAnalytics plant, Instant now) {
        for (AndonCall call : plant.andon().openCalls()) {
            boolean waiting = call.state() == AlarmState.UNACK_ACTIVE || call.state() == AlarmState.RTN_UNACK;
            if (waiting && call.raisedAt().isBefore(now.minusSeconds(120))) {
                try {
                    plant.andon().acknowledge(call.id(), call.revision(), "operator", now);
                } catch (AndonBoard.Conflict e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static void printHeap(int day, PlantAnalytics plant, Instant now) {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long used = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
        double oee = plant.oee("L0", new TimeRange(now.minus(Duration.ofDays(1)), now), now).oee();
        System.out.printf("  day %2d  heap %4d MB   open Andon calls %3d   line L0 OEE of the last day %.1f %%%n", day,
                used, plant.andon().openCalls().size(), oee * 100);
    }

    private AnalyticsBenchmark() {
    }
}
