package com.ms5.floor.app.ui.line;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.analytics.TimeRange;
import com.ms5.floor.analytics.downtime.ReasonTree;
import com.ms5.floor.app.live.CoalescingLiveValues;
import com.ms5.floor.app.live.LiveKeys;
import com.ms5.floor.app.live.StationEvent;
import com.ms5.floor.app.live.StationEvents;
import com.ms5.floor.app.model.LineHistory;
import com.ms5.floor.app.runtime.StationPlant;
import com.ms5.floor.app.ui.line.LineDetailViewModel.Range;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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

    /** The tab is shown and the plant's lines arrive, as at the next frame. */
    private void show(String... lines) {
        model.activate();
        live.publish(LiveKeys.LINES, List.of(lines));
        live.drain();
    }

    private static LineHistory history(String line, TimeRange window) {
        return new LineHistory(line, window, List.of(), List.of(), new ReasonTree(List.of()), "test");
    }
}
