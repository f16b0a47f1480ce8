package com.ms5.floor.app.ui.line;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.analytics.TimeRange;
import com.ms5.floor.analytics.downtime.DowntimeCost;
import com.ms5.floor.analytics.downtime.DowntimeEvent;
import com.ms5.floor.analytics.downtime.DowntimeStats;
import com.ms5.floor.analytics.downtime.LossCategory;
import com.ms5.floor.analytics.downtime.ReasonTree;
import com.ms5.floor.analytics.state.MachineState;
import com.ms5.floor.app.live.CoalescingLiveValues;
import com.ms5.floor.app.live.LiveKeys;
import com.ms5.floor.app.live.StationEvent;
import com.ms5.floor.app.live.StationEvents;
import com.ms5.floor.app.model.LineHistory;
import com.ms5.floor.app.model.LineStatus;
import com.ms5.floor.app.runtime.StationPlant;
import com.ms5.floor.app.ui.line.LineDetailViewModel.Range;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The Line tab's reads, as a supervisor meets them: which history is shown, when it is read again,
 * and what Cancel does. Everything runs on the test's thread (a same-thread UI executor); the
 * reads are futures the test completes, as the database would.
 */
class LineDetailViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private final CoalescingLiveValues live = new CoalescingLiveValues();
    private final StationEvents events = new StationEvents();
    private final List<Read> reads = new ArrayList<>();
    private final AtomicReference<Double> lastProgress = new AtomicReference<>();
    private final LineDetailViewModel model = new LineDetailViewModel(live, events, (line, window, progress) -> {
        Read read = new Read(line, window, new CompletableFuture<>());
        progress.accept(0.5);
        reads.add(read);
        return read.future;
    }, null, new StationPlant(), Clock.fixed(NOW, ZoneOffset.UTC), Runnable::run);

    private record Read(String line, TimeRange window, CompletableFuture<LineHistory> future) {
        void answer() {
            future.complete(history(line, window));
        }
    }

    @Test
    void opensTheFirstLineWhenShownAndShowsItsHistoryOnceRead() {
        show("L1", "L2");
        assertThat(model.lineIdProperty().get()).isEqualTo("L1");
        assertThat(reads).singleElement().satisfies(r -> assertThat(r.line()).isEqualTo("L1"));
        assertThat(model.historyProperty().get()).isNull();

        reads.getFirst().answer();
        assertThat(model.historyProperty().get().lineId()).isEqualTo("L1");
        assertThat(model.longReadProperty().get()).as("a shift read shows no progress").isFalse();
    }

    @Test
    void theLineTheOverviewAskedForOpensInsteadOfTheFirst() {
        model.show("L2");
        assertThat(reads).as("nothing is read while the tab is hidden").isEmpty();
        show("L1", "L2");
        assertThat(model.lineIdProperty().get()).isEqualTo("L2");
        assertThat(reads).extracting(Read::line).containsExactly("L2");
    }

    @Test
    void stopsChangedDuringAReadAreReadOnceMoreAfterIt() {
        show("L1");
        events.publish(new StationEvent.StopChanged(UUID.randomUUID(), "B"));
        events.publish(new StationEvent.StopChanged(UUID.randomUUID(), "B"));
        assertThat(reads).as("one read at a time").hasSize(1);

        reads.getFirst().answer();
        assertThat(reads).as("the changes may not be in the first read: one more").hasSize(2);
        reads.get(1).answer();
        assertThat(reads).hasSize(2);
        assertThat(model.historyProperty().get()).isNotNull();
    }

    @Test
    void anotherLineCancelsTheReadUnderWayAndOnlyItsHistoryIsShown() {
        show("L1", "L2");
        model.show("L2");
        assertThat(reads.getFirst().future().isCancelled()).isTrue();
        assertThat(reads).extracting(Read::line).containsExactly("L1", "L2");
        reads.get(1).answer();
        assertThat(model.historyProperty().get().lineId()).isEqualTo("L2");
    }

    @Test
    void aLongRangeShowsItsProgressAndCancelReturnsToTheShift() {
        show("L1");
        reads.getFirst().answer();
        model.choose(Range.MONTH);
        Read month = reads.get(1);
        assertThat(Duration.between(month.window().start(), month.window().end())).isEqualTo(Duration.ofDays(30));
        assertThat(model.longReadProperty().get()).isTrue();
        assertThat(model.progressProperty().get()).isEqualTo(0.5);

        model.cancelRead();
        assertThat(month.future().isCancelled()).isTrue();
        assertThat(model.longReadProperty().get()).isFalse();
        assertThat(model.rangeProperty().get()).isEqualTo(Range.SHIFT);
        assertThat(model.messageProperty().get()).contains("last 30 days");
        assertThat(reads).as("the shift is read again").hasSize(3);
        assertThat(Duration.between(reads.get(2).window().start(), NOW)).isLessThan(Duration.ofDays(1));
    }

    @Test
    void aFailedReadSaysWhyAndKeepsWhatWasShown() {
        show("L1");
        reads.getFirst().answer();
        events.publish(new StationEvent.StopChanged(UUID.randomUUID(), "B"));
        reads.get(1).future().completeExceptionally(new IllegalStateException("The history could not be read from the "
                + "database: connection refused"));
        assertThat(model.messageProperty().get()).contains("connection refused");
        assertThat(model.historyProperty().get()).as("the last history stays").isNotNull();
    }

    @Test
    void aHiddenTabReadsNothing() {
        show("L1");
        reads.getFirst().answer();
        model.deactivate();
        events.publish(new StationEvent.StopChanged(UUID.randomUUID(), "B"));
        model.choose(Range.DAY);
        assertThat(reads).hasSize(1);
    }

    /**
     * The labeller has been down for 7 minutes without a reason while the case packer had 40
     * starved blips of 3 s and one 4-minute jam earlier. The list opens with the labeller's open
     * stop (its length growing each second), then the past stops newest first; by default it hides
     * the blips (shorter than 30 s) and says how many; the Pareto counts the open stop too, under "Unassigned",
     * and sorted by money it ranks the jam (breakdowns cost 100 a minute) above the starved time.
     */
    @Test
    void theOpenStopComesFirstAndTheFiltersAndParetoFollowWhatASupervisorChose() {
        show("L1");
        ReasonTree reasons = new ReasonTree(List.of(new ReasonTree.Node("jam", "Jam", null, LossCategory.BREAKDOWN)));
        List<DowntimeEvent> past = new ArrayList<>();
        Instant shiftStart = NOW.minus(Duration.ofHours(2));
        for (int i = 0; i < 40; i++) {
            Instant at = shiftStart.plusSeconds(60 + 10L * i);
            past.add(stop("L1-PACKER", MachineState.STARVED, at, at.plusSeconds(3), ReasonTree.STARVED));
        }
        Instant jam = shiftStart.plus(Duration.ofMinutes(30));
        past.add(stop("L1-PACKER", MachineState.UNPLANNED_DOWN, jam, jam.plus(Duration.ofMinutes(4)), "jam"));
        TimeRange window = new TimeRange(shiftStart, NOW);
        reads.getFirst().future().complete(new LineHistory("L1", window, List.of(), past, reasons,
                new DowntimeCost("EUR", Map.of("L1", 10.0), Map.of(LossCategory.BREAKDOWN, 100.0)), "test"));
        Instant downSince = NOW.minus(Duration.ofMinutes(7));
        model.statusProperty().set(status(window, new LineStatus.MachineStatus("L1-LABELLER", "Labeller",
                MachineState.UNPLANNED_DOWN, 0, downSince)));

        assertThat(model.stopsShown()).as("by default, stops of half a minute or more").extracting(DowntimeEvent::machineId)
                .containsExactly("L1-LABELLER", "L1-PACKER");
        assertThat(model.hiddenShortStops()).isEqualTo(40);

        model.shortestStopProperty().set(Duration.ZERO);
        List<DowntimeEvent> shown = model.stopsShown();
        assertThat(shown).hasSize(42);
        assertThat(shown.getFirst()).satisfies(open -> {
            assertThat(LineDetailViewModel.isOpen(open)).isTrue();
            assertThat(open.machineId()).isEqualTo("L1-LABELLER");
            assertThat(open.seconds()).isEqualTo(7 * 60);
            assertThat(open.reasonId()).isEqualTo(ReasonTree.UNASSIGNED);
        });
        assertThat(shown.get(1).start()).as("then the newest").isEqualTo(jam);
        assertThat(model.pareto()).extracting(b -> b.reasonId() + " " + Math.round(b.seconds()))
                .containsExactly(ReasonTree.UNASSIGNED + " 420", "jam 240", ReasonTree.STARVED + " 120");

        model.shortestStopProperty().set(Duration.ofSeconds(30));
        assertThat(model.stopsShown()).extracting(DowntimeEvent::machineId).containsExactly("L1-LABELLER", "L1-PACKER");
        assertThat(model.hiddenShortStops()).isEqualTo(40);

        model.stopsOfProperty().set("L1-PACKER");
        assertThat(model.stopsShown()).extracting(DowntimeEvent::reasonId).containsExactly("jam");

        model.stopsOfProperty().set(null);
        model.shortestStopProperty().set(Duration.ZERO);
        model.paretoMeasureProperty().set(DowntimeStats.Measure.COST);
        assertThat(model.pareto()).extracting(b -> b.reasonId() + " " + Math.round(b.cost()))
                .containsExactly("jam 400", ReasonTree.UNASSIGNED + " 70", ReasonTree.STARVED + " 20");

        model.statusProperty().set(status(window, new LineStatus.MachineStatus("L1-LABELLER", "Labeller",
                MachineState.RUNNING, 0, NOW)));
        assertThat(model.stopsShown()).as("the stop ended: it is stored, and read with the next history")
                .noneMatch(LineDetailViewModel::isOpen);
    }

    private static DowntimeEvent stop(String machine, MachineState state, Instant start, Instant end, String reason) {
        return new DowntimeEvent(UUID.randomUUID(), machine, "L1", state, start, end, 0, reason, 1, "", List.of(), 0);
    }

    private static LineStatus status(TimeRange window, LineStatus.MachineStatus machine) {
        return new LineStatus("L1", "Line 1", "Early", window, null, List.of(machine), null, 0, 0, 0, List.of(), null, null);
    }

    /** The tab is shown and the plant's lines arrive, as at the next frame. */
    private void show(String... lines) {
        model.activate();
        live.publish(LiveKeys.LINES, List.of(lines));
        live.drain();
    }

    private static LineHistory history(String line, TimeRange window) {
        return new LineHistory(line, window, List.of(), List.of(), new ReasonTree(List.of()), DowntimeCost.NONE, "test");
    }
}
