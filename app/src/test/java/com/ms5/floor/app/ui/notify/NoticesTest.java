package com.ms5.floor.app.ui.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.analytics.andon.AlarmState;
import com.ms5.floor.analytics.andon.AndonCall;
import com.ms5.floor.analytics.andon.CallType;
import com.ms5.floor.app.model.StationDiagnostics;
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

    /** line3-slc in {@code state} as this station polls it; null: another station polls it. */
    private static StationDiagnostics diagnostics(ConnectionHealth.State state) {
        ConnectionHealth health = state == null ? null : new ConnectionHealth(state, null, null, 0, 0, 0, 0, 0, 0, 0, 40, Map.of());
        return new StationDiagnostics("here", null, null, List.of(new StationDiagnostics.Connection("line3-slc", "url", "here",
                health)), List.of(), T);
    }
}
