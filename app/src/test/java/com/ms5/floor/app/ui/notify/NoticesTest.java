package com.ms5.floor.app.ui.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.analytics.andon.AlarmState;
import com.ms5.floor.analytics.andon.AndonCall;
import com.ms5.floor.analytics.andon.CallType;
import com.ms5.floor.app.model.StationDiagnostics;
import com.ms5.floor.app.model.StationResources;
import com.ms5.floor.app.model.StationStatus;
import com.ms5.floor.plc.api.ConnectionHealth;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a supervisor is told while looking at another tab, and what is not worth telling. */
class NoticesTest {
    private static final Instant T = Instant.parse("2026-12-01T08:00:00Z");
    private final Map<String, String> names = Map.of("L1-CAPPER", "Capper", "L1", "Line 1");
    private final Notices notices = new Notices(id -> names.getOrDefault(id, id),
            (type, level) -> level == 1 ? "line lead" : level == 2 ? "maintenance planner" : null);

    private static AndonCall call(UUID id, AlarmState state, int level) {
        return new AndonCall(id, CallType.MAINTENANCE, "L1", "L1-CAPPER", Set.of("L1-CAPPER"), "fault", AndonCall.Source.PLC_BIT,
                T, state, true, level, null, null, null, null, 1, false, null, null, null, level);
    }

    @Test
    void aNewCallAndItsEscalationAreToldCallsThereAtStartAndAcknowledgedOnesAreNot() {
        UUID old = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        assertThat(notices.board(List.of(call(old, AlarmState.UNACK_ACTIVE, 1)))).as("on screen at start").isEmpty();

        assertThat(notices.board(List.of(call(old, AlarmState.UNACK_ACTIVE, 1), call(fresh, AlarmState.UNACK_ACTIVE, 1))))
                .containsExactly(new Notices.Notice("\u2699 Maintenance call",
                        "Capper, Line 1\nWaiting for someone; calls the line lead.", true));
        assertThat(notices.board(List.of(call(old, AlarmState.UNACK_ACTIVE, 1), call(fresh, AlarmState.UNACK_ACTIVE, 2))))
                .containsExactly(new Notices.Notice("\u2699 Maintenance call escalated to level 2",
                        "Capper, Line 1\nNow calls the maintenance planner.", true));
        assertThat(notices.board(List.of(call(old, AlarmState.ACK_ACTIVE, 3), call(fresh, AlarmState.UNACK_ACTIVE, 2))))
                .as("someone is on the old one; the fresh one did not change").isEmpty();
        assertThat(notices.board(List.of(call(UUID.randomUUID(), AlarmState.ACK_ACTIVE, 1)))).as("acknowledged elsewhere at once")
                .isEmpty();
    }

    @Test
    void theDatabaseAndPlcsAreToldWhenTheyGoAndWhenTheyComeBack() {
        assertThat(notices.station(new StationStatus("demo", "embedded PostgreSQL", true))).isEmpty();
        assertThat(notices.station(new StationStatus("demo", "Offline since 10:42:07", false))).extracting(Notices.Notice::title)
                .containsExactly("Database offline");
        assertThat(notices.station(new StationStatus("demo", "Offline since 10:42:07, 12 event(s) waiting", false))).isEmpty();
        assertThat(notices.station(new StationStatus("demo", "embedded PostgreSQL", true))).extracting(Notices.Notice::title)
                .containsExactly("Database back");

        assertThat(notices.diagnostics(diagnostics(ConnectionHealth.State.RECONNECTING))).as("down at start: the badge says so")
                .isEmpty();
        assertThat(notices.diagnostics(diagnostics(ConnectionHealth.State.CONNECTED))).extracting(Notices.Notice::title)
                .containsExactly("PLC line3-slc answers again");
        assertThat(notices.diagnostics(diagnostics(ConnectionHealth.State.RECONNECTING))).extracting(Notices.Notice::title)
                .containsExactly("PLC line3-slc not answering");
        assertThat(notices.diagnostics(diagnostics(ConnectionHealth.State.RECONNECTING))).isEmpty();
        assertThat(notices.diagnostics(diagnostics(null))).as("another station polls it now: nothing known here").isEmpty();
        assertThat(notices.diagnostics(diagnostics(ConnectionHealth.State.CONNECTED))).as("it was not down here").isEmpty();
    }

    @Test
    void aLimitOfTheComputerIsToldOnceWhenCrossedAndAgainOnlyAfterItCleared() {
        long gb = 1L << 30;
        StationResources.Backups none = new StationResources.Backups("/backups", null, 0, 0, null, T.minusSeconds(27 * 3600));
        StationResources.Backups fresh = new StationResources.Backups("/backups", T, 4_000_000, 1, null, T.minusSeconds(27 * 3600));
        assertThat(notices.diagnostics(withResources(new StationResources(100 << 20, 1024 << 20, 80, gb / 2, 0, 0, none))))
                .extracting(Notices.Notice::title).as("told at once: nothing else shows it")
                .containsExactly("Disk almost full", "No recent backup");
        assertThat(notices.diagnostics(withResources(new StationResources(100 << 20, 1024 << 20, 80, gb / 3, 0, 0, none))))
                .as("still crossed, however the figures move").isEmpty();
        assertThat(notices.diagnostics(withResources(new StationResources(900 << 20, 1024 << 20, 80, 5 * gb, 0, 0, fresh))))
                .extracting(Notices.Notice::text).containsExactly("900 of 1024 MB in use. Restart MS5 at a quiet moment, "
                        + "and send its log to support.");
        assertThat(notices.diagnostics(withResources(new StationResources(100 << 20, 1024 << 20, 80, gb / 2, 0, 0, fresh))))
                .extracting(Notices.Notice::title).as("crossed again after it cleared").containsExactly("Disk almost full");
        assertThat(notices.diagnostics(withResources(new StationResources(100 << 20, 1024 << 20, 80, 5 * gb, 0, 0,
                new StationResources.Backups("/backups", T, 0, 1, "tar failed (exit 2): No space left on device", T)))))
                .containsExactly(new Notices.Notice("Backup failed", "tar failed (exit 2): No space left on device", false));
    }

    private static StationDiagnostics withResources(StationResources resources) {
        return new StationDiagnostics("here", null, null, List.of(), List.of(), resources, T);
    }

    /** line3-slc in {@code state} as this station polls it; null: another station polls it. */
    private static StationDiagnostics diagnostics(ConnectionHealth.State state) {
        ConnectionHealth health = state == null ? null : new ConnectionHealth(state, null, null, 0, 0, 0, 0, 0, 0, 0, 40, Map.of());
        return new StationDiagnostics("here", null, null, List.of(new StationDiagnostics.Connection("line3-slc", "url", "here",
                health)), List.of(), null, T);
    }
}
