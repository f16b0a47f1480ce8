package com.ms5.floor.plc.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.plc.api.ConnectionHealth;
import com.ms5.floor.plc.api.Quality;
import com.ms5.floor.plc.api.ScaledClock;
import com.ms5.floor.plc.api.SampleBatch;
import com.ms5.floor.plc.api.TagBinding;
import com.ms5.floor.plc.virtual.PlantFile;
import com.ms5.floor.plc.virtual.VirtualPlant;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The real PLC4X logix driver over real TCP against the virtual controller. */
class PollerTest {
    /** The demo filler's tag map (the same on every start of the demo plant). */
    private static final List<TagBinding> FILLER = List.of(
            new TagBinding(VirtualPlant.TOTAL_COUNT, "L1_Filler.TotalCount:DINT"),
            new TagBinding(VirtualPlant.GOOD_COUNT, "L1_Filler.GoodCount:DINT"),
            new TagBinding(VirtualPlant.STATE, "L1_Filler.State:DINT"));

    /** Plant time from 07:00 today: inside the early shift and no break for 2.5 hours, whenever the test runs. */
    private static final Clock SHIFT_CLOCK = new ScaledClock(Clock.systemUTC(), 1,
            java.time.LocalDate.now(java.time.ZoneOffset.UTC).atTime(7, 0).toInstant(java.time.ZoneOffset.UTC));

    private final List<SampleBatch> batches = new CopyOnWriteArrayList<>();

    /** The demo plant with line 1's controller on a chosen port. */
    private static VirtualPlant startDemoOn(int port) throws Exception {
        PlantFile demo;
        try (var json = PollerTest.class.getResourceAsStream("/ms5/plant/demo-plant.json")) {
            demo = PlantFile.load(json, "demo-plant.json");
        }
        var controllers = new java.util.ArrayList<>(demo.controllers());
        controllers.set(0, new PlantFile.Controller("line1-plc", "logix", port, "1769-L33ER/B LOGIX5333ER"));
        return VirtualPlant.start(new PlantFile(demo.name(), demo.seed(), demo.timeZone(), demo.shifts(), demo.faultCodes(),
                demo.products(), controllers, demo.lines()), SHIFT_CLOCK);
    }

    @Test
    void countsFromTheVirtualControllerArriveAndIncrease() throws Exception {
        try (VirtualPlant plant = VirtualPlant.startDemo(SHIFT_CLOCK);
             Poller poller = new Poller("test", plant.controllerOf(VirtualPlant.MACHINE_ID).connectionUrl(), FILLER,
                     Duration.ofMillis(200), SHIFT_CLOCK, batches::add)) {
            poller.start();

            await(() -> goodBatches() >= 2 && lastGood().get(VirtualPlant.TOTAL_COUNT).asLong()
                    > firstGood().get(VirtualPlant.TOTAL_COUNT).asLong());

            SampleBatch last = lastGood();
            assertThat(last.get(VirtualPlant.STATE).asLong()).isBetween(1L, 7L);
            assertThat(last.get(VirtualPlant.GOOD_COUNT).asLong())
                    .isLessThanOrEqualTo(last.get(VirtualPlant.TOTAL_COUNT).asLong());
            assertThat(poller.health().state()).isEqualTo(ConnectionHealth.State.CONNECTED);
        }
    }

    @Test
    void readsOneBatchOfManyTagsInOneMultipleServicePacket() throws Exception {
        try (VirtualPlant plant = VirtualPlant.startDemo(SHIFT_CLOCK)) {
            List<TagBinding> bindings = List.of(
                    new TagBinding("a", "L1_Filler.TotalCount:DINT"), new TagBinding("b", "L1_Filler.GoodCount:DINT"),
                    new TagBinding("c", "L1_Filler.State:DINT"), new TagBinding("d", "L1_Filler.FaultCode:DINT"),
                    new TagBinding("e", "L1_Filler.Speed:REAL"));
            try (Poller poller = new Poller("many", plant.controllerOf(VirtualPlant.MACHINE_ID).connectionUrl(), bindings,
                    Duration.ofMillis(200), SHIFT_CLOCK, batches::add)) {
                poller.start();
                await(() -> !batches.isEmpty() && batches.getLast().get("e").isGood());
                SampleBatch batch = batches.getLast();
                assertThat((Double) batch.get("e").value()).isBetween(0.0, 120.0); // parts/min, 0 while stopped
                assertThat(batch.values()).hasSize(5).allSatisfy((k, v) -> assertThat(v.isGood()).isTrue());
            }
        }
    }

    @Test
    void reportsCommFailureWhileNothingListensAndConnectsOnceTheControllerIsUp() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String url = "logix://127.0.0.1:" + port + "?slot=0";
        try (Poller poller = new Poller("late", url, FILLER, Duration.ofMillis(200),
                SHIFT_CLOCK, batches::add)) {
            poller.start();
            await(() -> !batches.isEmpty());
            assertThat(batches.getFirst().get(VirtualPlant.TOTAL_COUNT).quality()).isEqualTo(Quality.COMM_FAILURE);
            assertThat(poller.health().lastError()).contains("Cannot connect to " + url);

            try (VirtualPlant plant = startDemoOn(port)) {
                await(() -> goodBatches() >= 1);
                assertThat(poller.health().state()).isEqualTo(ConnectionHealth.State.CONNECTED);
            }
        }
    }

    @Test
    void reconnectsAfterTheControllerDropsTheConnection() throws Exception {
        try (VirtualPlant plant = VirtualPlant.startDemo(SHIFT_CLOCK);
             Poller poller = new Poller("drop", plant.controllerOf(VirtualPlant.MACHINE_ID).connectionUrl(), FILLER,
                     Duration.ofMillis(200), SHIFT_CLOCK, batches::add)) {
            poller.start();
            await(() -> goodBatches() >= 1);

            plant.controllerOf(VirtualPlant.MACHINE_ID).dropAllConnections();

            await(() -> batches.getLast().get(VirtualPlant.TOTAL_COUNT).quality() == Quality.COMM_FAILURE);
            int goodBefore = goodBatches();
            await(() -> goodBatches() > goodBefore);
            assertThat(plant.controllerOf(VirtualPlant.MACHINE_ID).connectionsAccepted()).isGreaterThanOrEqualTo(2);
            assertThat(poller.health().reconnects()).isGreaterThanOrEqualTo(1);
        }
    }

    private int goodBatches() {
        return (int) batches.stream().filter(b -> b.get(VirtualPlant.TOTAL_COUNT).isGood()).count();
    }

    private SampleBatch firstGood() {
        return batches.stream().filter(b -> b.get(VirtualPlant.TOTAL_COUNT).isGood()).findFirst().orElseThrow();
    }

    private SampleBatch lastGood() {
        return batches.reversed().stream().filter(b -> b.get(VirtualPlant.TOTAL_COUNT).isGood()).findFirst().orElseThrow();
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.onSpinWait();
            Thread.sleep(20);
        }
    }
}
