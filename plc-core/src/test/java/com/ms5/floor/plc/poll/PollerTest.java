package com.ms5.floor.plc.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.plc.api.ConnectionHealth;
import com.ms5.floor.plc.api.Quality;
import com.ms5.floor.plc.api.SampleBatch;
import com.ms5.floor.plc.api.TagBinding;
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
    private final List<SampleBatch> batches = new CopyOnWriteArrayList<>();

    @Test
    void countsFromTheVirtualControllerArriveAndIncrease() throws Exception {
        try (VirtualPlant plant = VirtualPlant.start(0, Clock.systemUTC(), 42);
             Poller poller = new Poller("test", plant.controller().connectionUrl(), VirtualPlant.fillerBindings(),
                     Duration.ofMillis(200), Clock.systemUTC(), batches::add)) {
            poller.start();

            await(() -> goodBatches() >= 2 && lastGood().get(VirtualPlant.TOTAL_COUNT).asLong()
                    > firstGood().get(VirtualPlant.TOTAL_COUNT).asLong());

            SampleBatch last = lastGood();
            assertThat(last.get(VirtualPlant.STATE).asLong()).isBetween(1L, 3L);
            assertThat(last.get(VirtualPlant.GOOD_COUNT).asLong())
                    .isLessThanOrEqualTo(last.get(VirtualPlant.TOTAL_COUNT).asLong());
            assertThat(poller.health().state()).isEqualTo(ConnectionHealth.State.CONNECTED);
        }
    }

    @Test
    void readsOneBatchOfManyTagsInOneMultipleServicePacket() throws Exception {
        try (VirtualPlant plant = VirtualPlant.start(0, Clock.systemUTC(), 1)) {
            List<TagBinding> bindings = List.of(
                    new TagBinding("a", "Filler_TotalCount:DINT"), new TagBinding("b", "Filler_GoodCount:DINT"),
                    new TagBinding("c", "Filler_State:DINT"), new TagBinding("d", "Filler_FaultCode:DINT"),
                    new TagBinding("e", "Filler_IdealCycle:REAL"));
            try (Poller poller = new Poller("many", plant.controller().connectionUrl(), bindings,
                    Duration.ofMillis(200), Clock.systemUTC(), batches::add)) {
                poller.start();
                await(() -> !batches.isEmpty() && batches.getLast().get("e").isGood());
                SampleBatch batch = batches.getLast();
                assertThat(batch.get("e").value()).isEqualTo(VirtualPlant.IDEAL_CYCLE_SECONDS);
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
        try (Poller poller = new Poller("late", url, VirtualPlant.fillerBindings(), Duration.ofMillis(200),
                Clock.systemUTC(), batches::add)) {
            poller.start();
            await(() -> !batches.isEmpty());
            assertThat(batches.getFirst().get(VirtualPlant.TOTAL_COUNT).quality()).isEqualTo(Quality.COMM_FAILURE);
            assertThat(poller.health().lastError()).contains("Cannot connect to " + url);

            try (VirtualPlant plant = VirtualPlant.start(port, Clock.systemUTC(), 7)) {
                await(() -> goodBatches() >= 1);
                assertThat(poller.health().state()).isEqualTo(ConnectionHealth.State.CONNECTED);
            }
        }
    }

    @Test
    void reconnectsAfterTheControllerDropsTheConnection() throws Exception {
        try (VirtualPlant plant = VirtualPlant.start(0, Clock.systemUTC(), 3);
             Poller poller = new Poller("drop", plant.controller().connectionUrl(), VirtualPlant.fillerBindings(),
                     Duration.ofMillis(200), Clock.systemUTC(), batches::add)) {
            poller.start();
            await(() -> goodBatches() >= 1);

            plant.controller().dropAllConnections();

            await(() -> batches.getLast().get(VirtualPlant.TOTAL_COUNT).quality() == Quality.COMM_FAILURE);
            int goodBefore = goodBatches();
            await(() -> goodBatches() > goodBefore);
            assertThat(plant.controller().connectionsAccepted()).isGreaterThanOrEqualTo(2);
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
