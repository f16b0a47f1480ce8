package com.ms5.floor.plc.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.plc.api.ConnectionHealth;
import com.ms5.floor.plc.api.Quality;
import com.ms5.floor.plc.api.SampleBatch;
import com.ms5.floor.plc.api.ScaledClock;
import com.ms5.floor.plc.api.TagValue;
import com.ms5.floor.plc.tagmap.DataType;
import com.ms5.floor.plc.tagmap.Driver;
import com.ms5.floor.plc.tagmap.TagAddress;
import com.ms5.floor.plc.tagmap.TagMap;
import com.ms5.floor.plc.virtual.LogixType;
import com.ms5.floor.plc.virtual.PcccDataTable;
import com.ms5.floor.plc.virtual.TagDatabase;
import com.ms5.floor.plc.virtual.VirtualController;
import com.ms5.floor.plc.virtual.VirtualPlant;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The real PLC4X drivers over real TCP against the virtual controllers. */
class PollerTest {
    /** Plant time from 07:00 today: inside the early shift and no break for 2.5 hours, whenever the test runs. */
    private static final Clock SHIFT_CLOCK = new ScaledClock(Clock.systemUTC(), 1,
            LocalDate.now(ZoneOffset.UTC).atTime(7, 0).toInstant(ZoneOffset.UTC));
    /** Short deadlines so failure tests finish quickly. */
    private static final Poller.Settings QUICK = new Poller.Settings(Duration.ofSeconds(2), Duration.ofMillis(500),
            Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofMillis(1), Duration.ofMillis(50), Duration.ofMillis(200));

    private final List<SampleBatch> batches = new CopyOnWriteArrayList<>();

    private static TagMap.Connection logix(VirtualController controller, long periodMillis) {
        return new TagMap.Connection("plc", Driver.LOGIX, "127.0.0.1", controller.port(), 0,
                List.of(new TagMap.ScanClass("fast", periodMillis)));
    }

    /** A CompactLogix on {@code port} (0: any free one) with one DINT tag, Counter = 5. */
    private static VirtualController counterController(int port) throws IOException {
        TagDatabase tags = new TagDatabase();
        tags.define("Counter", LogixType.Atomic.DINT).setDint(5);
        return VirtualController.logix(port, tags, "1769-L33ER/B LOGIX5333ER");
    }

    private static PollTag dint(String name, String address) {
        return new PollTag(name, address + ":DINT", DataType.DINT, null, 0, "fast", 100);
    }

    @Test
    void pollsTheWholeDemoPlantOverBothDriversWithEveryValueGood() throws Exception {
        try (VirtualPlant plant = VirtualPlant.startDemo(SHIFT_CLOCK)) {
            TagMap map = plant.pointAt(VirtualPlant.demoTagMap());
            List<Poller> pollers = new ArrayList<>();
            for (TagMap.Connection c : map.connections()) {
                pollers.add(new Poller(c, PollTag.of(map, c.id()), SHIFT_CLOCK, batches::add));
            }
            pollers.forEach(Poller::start);
            try {
                // every value of every machine, on Logix and on the SLC, arrives good
                await(() -> map.machines().stream().allMatch(m -> m.bindings().stream()
                        .allMatch(b -> lastValue(b.valueName(m.id())) != null && lastValue(b.valueName(m.id())).isGood())));
                long fillerCount = lastValue("L1-FILLER.totalCount").asLong();
                long slcCount = lastValue("L3-FILLER.totalCount").asLong();
                await(() -> lastValue("L1-FILLER.totalCount").asLong() > fillerCount
                        && lastValue("L3-FILLER.totalCount").asLong() > slcCount);
                assertThat(lastValue("L1-FILLER.running").value()).isInstanceOf(Boolean.class);
                assertThat(lastValue("L1-FILLER.speed").value()).isInstanceOf(Double.class);
                assertThat(lastValue("L3-FILLER.state").asLong()).isBetween(1L, 7L);
                // two scan classes: the fast one (100 ms) comes far more often than the normal one (1 s)
                long fast = batches.stream().filter(b -> b.connectionId().equals("line1-plc") && b.scanClass().equals("fast")).count();
                long normal = batches.stream().filter(b -> b.connectionId().equals("line1-plc") && b.scanClass().equals("normal")).count();
                assertThat(fast).isGreaterThan(normal);
                ConnectionHealth health = pollers.getFirst().health();
                assertThat(health.state()).isEqualTo(ConnectionHealth.State.CONNECTED);
                assertThat(health.roundTripP50Millis()).isPositive();
                assertThat(health.roundTripP99Millis()).isGreaterThanOrEqualTo(health.roundTripP50Millis());
                assertThat(health.valuesPerSecond()).isPositive();
                assertThat(health.quarantined()).isEmpty();
                assertThat(health.tags()).isEqualTo(60);
            } finally {
                pollers.forEach(Poller::close);
            }
        }
    }

    @Test
    void aBadTagAmongTwoHundredGoodOnesIsQuarantinedAndTheOthersReadInChunks() throws Exception {
        TagDatabase tags = new TagDatabase();
        List<PollTag> pollTags = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String name = "Packaging_Line_Counter_Number_" + i;
            tags.define(name, LogixType.Atomic.DINT).setDint(i);
            pollTags.add(dint("t" + i, name));
        }
        pollTags.add(100, dint("bad", "No_Such_Tag"));
        try (VirtualController controller = VirtualController.logix(0, tags, "1769-L33ER/B LOGIX5333ER");
             Poller poller = new Poller(logix(controller, 100), pollTags, SHIFT_CLOCK, batches::add, QUICK)) {
            poller.start();
            await(() -> !batches.isEmpty() && batches.getLast().values().values().stream().filter(TagValue::isGood).count() == 200);
            SampleBatch last = batches.getLast();
            assertThat(last.values()).hasSize(201);
            assertThat(last.get("bad").quality()).isEqualTo(Quality.BAD_CONFIG);
            assertThat(last.get("t199").asLong()).isEqualTo(199);
            assertThat(poller.health().quarantined()).containsOnlyKeys("bad");
            assertThat(poller.health().quarantined().get("bad")).contains("check the address and type");
            // 200 tags of this length do not fit one request: the scan is cut into several
            assertThat(200 * pollTags.getFirst().requestBytes()).isGreaterThan(3900);

            // the tag appears in the controller: the next retry takes it out of quarantine
            tags.define("No_Such_Tag", LogixType.Atomic.DINT).setDint(77);
            await(() -> batches.getLast().get("bad").isGood());
            assertThat(batches.getLast().get("bad").asLong()).isEqualTo(77);
            assertThat(poller.health().quarantined()).isEmpty();
        }
    }

    @Test
    void connectionRefusedAtStartThenAccepted() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        TagMap.Connection connection = new TagMap.Connection("late", Driver.LOGIX, "127.0.0.1", port, 0,
                List.of(new TagMap.ScanClass("fast", 100)));
        try (Poller poller = new Poller(connection, List.of(dint("c", "Counter")), SHIFT_CLOCK, batches::add, QUICK)) {
            poller.start();
            await(() -> !batches.isEmpty());
            assertThat(batches.getFirst().get("c").quality()).isEqualTo(Quality.COMM_FAILURE);
            await(() -> poller.health().lastError() != null);
            assertThat(poller.health().lastError()).contains("Cannot connect to logix://127.0.0.1:" + port);

            try (VirtualController controller = counterController(port)) {
                await(() -> batches.getLast().get("c").isGood());
                assertThat(poller.health().state()).isEqualTo(ConnectionHealth.State.CONNECTED);
            }
        }
    }

    @Test
    void theControllerRestartingMidScanAndStalledRepliesAreRiddenOut() throws Exception {
        try (VirtualController controller = counterController(0);
             Poller poller = new Poller(logix(controller, 50), List.of(dint("c", "Counter")), SHIFT_CLOCK, batches::add, QUICK)) {
            poller.start();
            await(() -> !batches.isEmpty() && batches.getLast().get("c").isGood());

            controller.dropAllConnections();
            await(() -> poller.health().reconnects() >= 1 && batches.getLast().get("c").isGood());

            controller.faults().stallReplies(true);
            await(() -> batches.getLast().get("c").quality() == Quality.COMM_FAILURE);
            assertThat(poller.health().lastError()).contains("did not answer within 500 ms");
            controller.faults().stallReplies(false);
            await(() -> batches.getLast().get("c").isGood());
            assertThat(controller.connectionsAccepted()).isGreaterThanOrEqualTo(3);
        }
    }

    /** The same hardening over PLC4X's ab-eth driver to an SLC 5/05: a missing file, a restart, stalls. */
    @Test
    void anSlcOverAbEthQuarantinesAMissingFileAndRidesOutARestartAndStalls() throws Exception {
        PcccDataTable files = new PcccDataTable();
        files.define(7, PcccDataTable.FileType.INTEGER, 10).setWord(3, 0, 42);
        List<PollTag> tags = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tags.add(slcWord("n" + i, "N7:" + i));
        }
        tags.add(slcWord("missing", "N20:0"));
        try (VirtualController controller = VirtualController.slc(0, files, 1);
             Poller poller = new Poller(new TagMap.Connection("slc", Driver.AB_ETH, "127.0.0.1", controller.port(), 1,
                     List.of(new TagMap.ScanClass("fast", 50))), tags, SHIFT_CLOCK, batches::add, QUICK)) {
            poller.start();
            await(() -> !batches.isEmpty() && batches.getLast().get("n9").isGood()
                    && poller.health().quarantined().containsKey("missing"));
            assertThat(batches.getLast().get("n3").value()).isEqualTo(42L);
            assertThat(batches.getLast().get("missing").quality()).isEqualTo(Quality.BAD_CONFIG);

            controller.dropAllConnections();
            await(() -> poller.health().reconnects() >= 1 && batches.getLast().get("n3").isGood());
            files.file(7).setWord(3, 0, 43);
            await(() -> Long.valueOf(43).equals(batches.getLast().get("n3").value()));

            controller.faults().stallReplies(true);
            await(() -> batches.getLast().get("n3").quality() == Quality.COMM_FAILURE);
            controller.faults().stallReplies(false);
            await(() -> batches.getLast().get("n3").isGood());
        }
    }

    private static PollTag slcWord(String name, String address) throws Exception {
        return new PollTag(name, TagAddress.plc4x(Driver.AB_ETH, address, DataType.INT), DataType.INT, null, 0, "fast", 50);
    }

    /**
     * PLC4X 0.13.1 leaves its transaction-manager pool (4 threads), its timeout wheel thread and,
     * unless closed, its non-daemon event loop behind for every dropped connection; the poller
     * releases them all, so after 1000 drops the JVM runs as many threads as after the first connect.
     */
    @Test
    void athousandDropsAndReconnectsLeaveTheThreadCountWhereItStarted() throws Exception {
        try (VirtualController controller = counterController(0);
             Poller poller = new Poller(logix(controller, 10), List.of(dint("c", "Counter")), SHIFT_CLOCK, batches::add, QUICK)) {
            poller.start();
            // enough reads that the driver has started all of its pool threads
            await(() -> poller.health().state() == ConnectionHealth.State.CONNECTED && batches.size() >= 10);
            int connected = liveThreads();
            for (int i = 1; i <= 1000; i++) {
                dropAndAwaitReconnect(controller, poller, i);
            }
            awaitThreadsAtMost(connected);
        }
    }

    private static int liveThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).count();
    }

    /** Idle closing threads end a second after their last close, so the count settles, not drops at once. */
    private static void awaitThreadsAtMost(int count) throws InterruptedException {
        try {
            await(() -> liveThreads() <= count);
        } catch (AssertionError e) {
            throw new AssertionError(liveThreads() + " threads live, expected at most " + count + ": "
                    + Thread.getAllStackTraces().keySet().stream().map(Thread::getName).sorted().toList(), e);
        }
    }

    @Test
    void aTagMapChangeAppliesLiveWithoutRestartingThePoller() throws Exception {
        TagDatabase tags = new TagDatabase();
        tags.define("A", LogixType.Atomic.DINT).setDint(1);
        tags.define("B", LogixType.Atomic.REAL).setReal(2.5f);
        try (VirtualController controller = VirtualController.logix(0, tags, "1769-L33ER/B LOGIX5333ER");
             Poller poller = new Poller(logix(controller, 50), List.of(dint("a", "A")), SHIFT_CLOCK, batches::add, QUICK)) {
            poller.start();
            await(() -> !batches.isEmpty() && batches.getLast().get("a").isGood());

            PollTag b = new PollTag("b", "B:REAL", DataType.REAL, new TagMap.Scaling(0, 10, 0, 100), 0, "fast", 50);
            poller.updateTags(List.of(b));
            await(() -> batches.getLast().get("b") != null && batches.getLast().get("b").isGood());
            assertThat(batches.getLast().values()).containsOnlyKeys("b");
            assertThat((Double) batches.getLast().get("b").value()).isEqualTo(25.0); // 2.5 raw on 0-10 -> 0-100
            assertThat(controller.connectionsAccepted()).isEqualTo(1);
        }
    }

    @Test
    void valuesInsideTheDeadbandAreNotChanges() throws Exception {
        TagDatabase tags = new TagDatabase();
        var speed = tags.define("Speed", LogixType.Atomic.REAL);
        speed.setReal(100f);
        PollTag tag = new PollTag("speed", "Speed:REAL", DataType.REAL, null, 1.0, "fast", 50);
        try (VirtualController controller = VirtualController.logix(0, tags, "1769-L33ER/B LOGIX5333ER");
             Poller poller = new Poller(logix(controller, 50), List.of(tag), SHIFT_CLOCK, batches::add, QUICK)) {
            poller.start();
            await(() -> !batches.isEmpty() && batches.getLast().get("speed").isGood());
            int seen = batches.size();
            speed.setReal(100.4f);
            await(() -> batches.size() > seen + 3);
            assertThat(batches.subList(seen, batches.size())).allSatisfy(batch -> {
                assertThat(batch.changed()).isEmpty();
                assertThat(batch.get("speed").value()).isEqualTo(100.0);
            });
            speed.setReal(101.5f);
            await(() -> batches.getLast().get("speed").value().equals(101.5));
            assertThat(batches.stream().filter(batch -> batch.changed().contains("speed")).count()).isEqualTo(2);
        }
    }

    @Test
    void closingLeavesNoThreadThatKeepsTheJvmAlive() throws Exception {
        try (VirtualController controller = counterController(0)) {
            Poller poller = new Poller(logix(controller, 50), List.of(dint("c", "Counter")), SHIFT_CLOCK, batches::add, QUICK);
            poller.start();
            await(() -> !batches.isEmpty() && batches.getLast().get("c").isGood());
            poller.close();
            assertThat(poller.health().state()).isEqualTo(ConnectionHealth.State.STOPPED);
            await(() -> Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.isAlive()
                    && (t.getName().startsWith("plc-") || (!t.isDaemon() && t.getName().startsWith("nioEventLoopGroup")))));
        }
    }

    /** Drops the connection and waits until the poller has read through a new one. */
    private static void dropAndAwaitReconnect(VirtualController controller, Poller poller, int cycle) throws Exception {
        await(() -> controller.connectionsAccepted() == cycle && poller.health().state() == ConnectionHealth.State.CONNECTED);
        var dropped = SHIFT_CLOCK.instant();
        controller.dropAllConnections();
        await(() -> poller.health().reconnects() >= cycle && controller.connectionsAccepted() == cycle + 1
                && poller.health().lastGoodRead() != null && poller.health().lastGoodRead().isAfter(dropped));
    }

    private TagValue lastValue(String name) {
        for (SampleBatch batch : batches.reversed()) {
            TagValue value = batch.get(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(10); // the polling interval of this wait, not a wait for the outcome
        }
    }
}
