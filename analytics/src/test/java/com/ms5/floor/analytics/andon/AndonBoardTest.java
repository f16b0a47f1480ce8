package com.ms5.floor.analytics.andon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AndonBoardTest {
    static final Instant T = Instant.parse("2026-11-24T10:00:00Z");
    /** Level 1 at once (line lead), 2 after 5 minutes (maintenance planner), 3 after 15 (plant manager). */
    static final EscalationRule MAINTENANCE_RULE = new EscalationRule("maintenance", List.of(
            new EscalationRule.Step(1, Duration.ZERO, "line lead"),
            new EscalationRule.Step(2, Duration.ofMinutes(5), "maintenance planner"),
            new EscalationRule.Step(3, Duration.ofMinutes(15), "plant manager")), false);

    private final List<AndonEvent> events = new ArrayList<>();
    private final AndonBoard board = new AndonBoard(List.of(MAINTENANCE_RULE), 3, Duration.ofSeconds(60), events::add);

    private static Instant at(long seconds) {
        return T.plusSeconds(seconds);
    }

    /**
     * The filler faults (code 12) and the ten machines of line 1 stop one after another within
     * 20 seconds, each reporting the same root cause: the board shows one call with ten
     * occurrences and every machine, not ten calls.
     */
    @Test
    void aFloodOfTenCallsFromOneFaultIsOneCall() {
        for (int i = 0; i < 10; i++) {
            board.raise(CallType.MAINTENANCE, "L1", "M" + i, "L1-FILLER fault 12", AndonCall.Source.FAULT_CODE, at(2L * i));
            // the same bit seen again on the next scan adds nothing
            board.raise(CallType.MAINTENANCE, "L1", "M" + i, "L1-FILLER fault 12", AndonCall.Source.FAULT_CODE, at(2L * i + 1));
        }
        assertThat(board.board()).singleElement().satisfies(call -> {
            assertThat(call.occurrences()).isEqualTo(10);
            assertThat(call.machines()).hasSize(10);
            assertThat(call.machineId()).isEqualTo("M0");
            assertThat(call.raisedAt()).isEqualTo(T);
        });
        assertThat(events).filteredOn(e -> e.kind() == AndonEvent.Kind.RAISED).hasSize(1);
    }

    /**
     * Raised at 10:00 and not acknowledged: level 1 at once, level 2 at 10:05, level 3 at 10:15,
     * each stamped with the time it fell due even if the tick comes later. Acknowledged at 10:17;
     * the condition clears at 10:40. Response 17 min, resolution 40 min.
     */
    @Test
    void anEscalationTimeline() throws Exception {
        AndonCall call = board.raise(CallType.MAINTENANCE, "L1", "FILLER", "FILLER fault 12", AndonCall.Source.FAULT_CODE, T);
        assertThat(call.level()).isEqualTo(1);
        board.tick(at(4 * 60 + 59));
        assertThat(board.board().getFirst().level()).isEqualTo(1);
        board.tick(at(5 * 60));
        assertThat(board.board().getFirst().level()).isEqualTo(2);
        board.tick(at(16 * 60)); // a late tick
        AndonCall escalated = board.board().getFirst();
        assertThat(escalated.level()).isEqualTo(3);
        assertThat(events).filteredOn(e -> e.kind() == AndonEvent.Kind.ESCALATED)
                .extracting(e -> e.at() + " " + e.detail())
                .containsExactly("2026-11-24T10:00:00Z level 1: line lead",
                        "2026-11-24T10:05:00Z level 2: maintenance planner",
                        "2026-11-24T10:15:00Z level 3: plant manager");

        AndonCall acked = board.acknowledge(call.id(), escalated.revision(), "maria", at(17 * 60));
        assertThat(acked.state()).isEqualTo(AlarmState.ACK_ACTIVE);
        board.clear("L1", "FILLER fault 12", at(40 * 60));
        assertThat(board.board()).isEmpty();
        AndonCall closed = events.getLast().call();
        assertThat(closed.state()).isEqualTo(AlarmState.NORMAL);
        assertThat(closed.responseTime()).isEqualTo(Duration.ofMinutes(17));
        assertThat(closed.resolutionTime()).isEqualTo(Duration.ofMinutes(40));
    }

    @Test
    void aConditionThatClearsBeforeAnybodyAcknowledgesWaitsForTheAcknowledgement() throws Exception {
        AndonCall call = board.raise(CallType.QUALITY, "L1", "CAPPER", "CAPPER andon", AndonCall.Source.PLC_BIT, T);
        board.clear("L1", "CAPPER andon", at(30));
        AndonCall returned = board.board().getFirst();
        assertThat(returned.state()).isEqualTo(AlarmState.RTN_UNACK);
        board.acknowledge(call.id(), returned.revision(), "li", at(45));
        assertThat(board.board()).isEmpty();
        assertThat(events).extracting(AndonEvent::kind).containsExactly(AndonEvent.Kind.RAISED,
                AndonEvent.Kind.RETURNED, AndonEvent.Kind.ACKNOWLEDGED, AndonEvent.Kind.CLOSED);
    }

    @Test
    void theSecondOfTwoAcknowledgementsIsToldWhoWasFirst() throws Exception {
        AndonCall call = board.raise(CallType.MATERIAL, "L2", "LABELER", "LABELER labels", AndonCall.Source.MANUAL, T);
        board.acknowledge(call.id(), call.revision(), "maria", at(10));
        assertThatThrownBy(() -> board.acknowledge(call.id(), call.revision(), "tom", at(11)))
                .isInstanceOf(AndonBoard.Conflict.class)
                .hasMessage("Already acknowledged by maria at 2026-11-24T10:00:10Z");
    }

    @Test
    void aShelvedCallLeavesTheBoardDoesNotEscalateAndComesBackWhenTheShelvingExpires() throws Exception {
        AndonCall call = board.raise(CallType.MAINTENANCE, "L1", "FILLER", "FILLER fault 7", AndonCall.Source.FAULT_CODE, T);
        assertThatThrownBy(() -> board.shelve(call.id(), call.revision(), " ", at(60), "li", T))
                .hasMessageContaining("needs a reason");
        board.shelve(call.id(), call.revision(), "sensor being replaced", at(30 * 60), "li", at(10));
        assertThat(board.board()).isEmpty();
        assertThat(board.openCalls().getFirst().state()).isEqualTo(AlarmState.SHELVED);
        board.tick(at(20 * 60));
        assertThat(board.openCalls().getFirst().level()).as("no escalation while shelved").isEqualTo(1);
        board.tick(at(30 * 60));
        AndonCall back = board.board().getFirst();
        assertThat(back.state()).isEqualTo(AlarmState.UNACK_ACTIVE);
        assertThat(back.level()).isEqualTo(3); // overdue levels come at once, stamped when they fell due
    }

    @Test
    void aConditionThatComesAndGoesThreeTimesInAMinuteIsOneChatteringCall() throws Exception {
        for (int i = 0; i < 3; i++) {
            AndonCall call = board.raise(CallType.QUALITY, "L1", "CAPPER", "CAPPER andon", AndonCall.Source.PLC_BIT, at(20L * i));
            board.clear("L1", "CAPPER andon", at(20L * i + 5));
            board.acknowledge(call.id(), board.board().getFirst().revision(), "li", at(20L * i + 6));
        }
        assertThat(events).filteredOn(e -> e.kind() == AndonEvent.Kind.RAISED).hasSize(1);
        assertThat(events).filteredOn(e -> e.kind() == AndonEvent.Kind.CHATTERING).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("3 activations within 60 s"));
        // two minutes later it is a new call again
        AndonCall later = board.raise(CallType.QUALITY, "L1", "CAPPER", "CAPPER andon", AndonCall.Source.PLC_BIT, at(200));
        assertThat(later.chattering()).isFalse();
        assertThat(later.occurrences()).isEqualTo(1);
    }

    @Test
    void theBoardSortsByPriorityThenAge() {
        board.raise(CallType.MATERIAL, "L1", "A", "a", AndonCall.Source.MANUAL, at(0));
        board.raise(CallType.SAFETY, "L1", "B", "b", AndonCall.Source.MANUAL, at(10));
        board.raise(CallType.MATERIAL, "L2", "C", "c", AndonCall.Source.MANUAL, at(5));
        board.raise(CallType.custom("forklift", "Forklift"), "L2", "D", "d", AndonCall.Source.MANUAL, at(1));
        assertThat(board.board()).extracting(AndonCall::machineId).containsExactly("B", "A", "C", "D");
    }
}
