package com.ms5.floor.plc.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A controls engineer types the plant's convention as one line; what is written is what is read. */
class StateRuleTextTest {
    @Test
    void aRuleReadsBackAsItIsDescribed() {
        StateRule word = StateRule.word("Status", PlcState.DOWN, new StateRule.WordValue(0, PlcState.DOWN),
                new StateRule.WordValue(10, PlcState.RUNNING), new StateRule.WordValue(20, PlcState.STARVED),
                new StateRule.WordValue(30, PlcState.PLANNED_STOP));
        assertThat(word.describe()).isEqualTo("state word 'Status': 0 = Down, 10 = Running, 20 = Starved, 30 = Planned stop; "
                + "otherwise Down");
        assertThat(StateRule.parse(word.describe())).isEqualTo(word);
        assertThat(StateRule.parse(StateRule.MS5_STATE_WORD.describe())).isEqualTo(StateRule.MS5_STATE_WORD);

        StateRule bits = StateRule.conditions(PlcState.RUNNING, new StateRule.Condition("Faulted", null, PlcState.DOWN),
                new StateRule.Condition("Status", 3, PlcState.STARVED), new StateRule.Condition("faultCode", null, PlcState.DOWN));
        assertThat(bits.describe()).isEqualTo("first of Faulted = Down, Status bit 3 = Starved, faultCode = Down; otherwise Running");
        assertThat(StateRule.parse(bits.describe())).isEqualTo(bits);
        assertThat(StateRule.parse("first of Faulted = down, InSetup = changeover")).as("otherwise Down, any case")
                .isEqualTo(StateRule.conditions(PlcState.DOWN, new StateRule.Condition("Faulted", null, PlcState.DOWN),
                        new StateRule.Condition("InSetup", null, PlcState.CHANGEOVER)));
    }

    @Test
    void aRuleTypedWrongSaysHowToWriteIt() {
        assertThatThrownBy(() -> StateRule.parse("Status 10 running")).hasMessageStartingWith(
                "start with \"state word 'Status': 10 = Running, ...\" for a state word, or with \"first of");
        assertThatThrownBy(() -> StateRule.parse("state word Status: ten = Running"))
                .hasMessage("'ten = Running' is not value = state; write e.g. 10 = Running");
        assertThatThrownBy(() -> StateRule.parse("first of Faulted = Broken"))
                .hasMessage("'Broken' is not a state; use one of Running, Down, Starved, Blocked, Planned stop, Changeover");
        assertThatThrownBy(() -> StateRule.parse("first of Faulted = Down; else Running"))
                .hasMessage("after ';' write 'otherwise' and a state, e.g. '; otherwise Down'");
    }

    @Test
    void andonSignalsReadBackAsTheyAreDescribed() {
        assertThat(AndonSignal.describeAll(AndonSignal.MS5_ANDON_WORD)).isEqualTo("andon bit 0 raises maintenance, "
                + "andon bit 1 raises quality, andon bit 2 raises material, andon bit 3 raises safety");
        assertThat(AndonSignal.parseAll(AndonSignal.describeAll(AndonSignal.MS5_ANDON_WORD))).isEqualTo(AndonSignal.MS5_ANDON_WORD);
        assertThat(AndonSignal.parseAll("CallFitter raises maintenance, Lamp bit 5 raises quality")).containsExactly(
                new AndonSignal("CallFitter", null, "maintenance"), new AndonSignal("Lamp", 5, "quality"));
        assertThatThrownBy(() -> AndonSignal.parseAll("CallFitter maintenance"))
                .hasMessage("'CallFitter maintenance' says no call; write e.g. andon bit 0 raises maintenance");
        assertThat(AndonSignal.parseAll(" ")).isEqualTo(List.of());
    }
}
