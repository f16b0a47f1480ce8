package com.ms5.floor.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.analytics.oee.OeeFigures;
import com.ms5.floor.analytics.oee.OeeProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a supervisor reads after clicking a figure: an hour with 50 min of planned busy time, 40 of
 * them running (2 min of micro-stops), 8 min 20 s stopped (1 min of it still going) and 1 min 40 s of
 * changeover; a 10-minute break left out; 2,000 parts made at 1 s each, 1,900 good. Every number
 * can be checked with a pocket calculator: 1,900 s / 3,000 s = 63.3 %.
 */
class OeeArithmeticTest {
    private final OeeFigures hour = new OeeFigures(OeeProfile.ISO_22400, 3600, 3000, 2400, 120, 500, 100, 600, 0, 0, 60,
            2000, 1900, 2000, 1900, 0, List.of());

    @Test
    void eachFigureShowsItsFormulaWithItsTwoNumbers() {
        assertThat(OeeArithmetic.formula(OeeArithmetic.Figure.OEE, hour)).isEqualTo(
                "OEE 63.3 % = ideal time of the good parts ÷ planned busy time = 31 min 40 s ÷ 50 min 00 s\n"
                        + "= availability 80.0 % × performance 83.3 % × quality 95.0 %");
        assertThat(OeeArithmetic.formula(OeeArithmetic.Figure.AVAILABILITY, hour))
                .isEqualTo("Availability 80.0 % = run time ÷ planned busy time = 40 min 00 s ÷ 50 min 00 s");
        assertThat(OeeArithmetic.formula(OeeArithmetic.Figure.PERFORMANCE, hour))
                .isEqualTo("Performance 83.3 % = ideal time of the parts made ÷ run time = 33 min 20 s ÷ 40 min 00 s");
        assertThat(OeeArithmetic.formula(OeeArithmetic.Figure.QUALITY, hour))
                .isEqualTo("Quality 95.0 % = ideal time of the good parts ÷ ideal time of the parts made = 31 min 40 s ÷ 33 min 20 s");
    }

    @Test
    void theTimesAndCountsAddUpAndSayWhatIsLeftOut() {
        assertThat(OeeArithmetic.rows(hour, 1)).extracting(r -> r.what() + ": " + r.value()).containsExactly(
                "Counted as: ISO 22400-2 (planned stops excluded)",
                "Whole window: 1 h 00 min",
                "Planned busy time (PBT): 50 min 00 s = run + unplanned stops + changeover",
                "  Run time (APT): 40 min 00 s",
                "    of which micro-stops: 2 min 00 s",
                "  Unplanned stops, starved, blocked: 8 min 20 s (1 min 00 s of it a stop still going)",
                "  Changeover and setup: 1 min 40 s",
                "Planned stops (breaks, planned windows), left out: 10 min 00 s",
                "No shift scheduled, left out: 0 s",
                "No data (PLC not answering, before the first reading), left out: 0 s",
                "Parts made: 2,000",
                "Good parts: 1,900",
                "Ideal time of the parts made: 33 min 20 s",
                "Ideal time of the good parts: 31 min 40 s");
    }

    /** A line's figures add up its machines' times: three machines over an hour are three hours of machine time. */
    @Test
    void aLinesWindowIsItsMachinesTimeAddedUp() {
        OeeFigures line = OeeFigures.sum(OeeProfile.ISO_22400, List.of(hour, hour, hour));
        assertThat(OeeArithmetic.rows(line, 3)).extracting(r -> r.what() + ": " + r.value())
                .contains("Whole window, 3 machines' time: 3 h 00 min (3 × 1 h 00 min)");
        assertThat(OeeArithmetic.formula(OeeArithmetic.Figure.OEE, line)).as("the same shares as one machine's")
                .startsWith("OEE 63.3 % = ideal time of the good parts ÷ planned busy time = 1 h 35 min ÷ 2 h 30 min");
    }

    @Test
    void whenPlannedStopsCountAsLossTheyArePartOfThePlannedBusyTime() {
        OeeFigures asLoss = new OeeFigures(OeeProfile.PLANNED_STOPS_AS_LOSS, 3600, 3600, 2400, 120, 500, 100, 600, 0, 0, 0,
                2000, 1900, 2000, 1900, 0, List.of("L1-FILLER: performance 120 % is above 100 %"));
        assertThat(OeeArithmetic.rows(asLoss, 1)).extracting(r -> r.what() + ": " + r.value()).contains(
                "Counted as: planned stops counted as loss",
                "Planned busy time (PBT): 1 h 00 min = run + unplanned stops + changeover + planned stops",
                "  Planned stops (breaks, planned windows): 10 min 00 s",
                "⚠ Check: L1-FILLER: performance 120 % is above 100 %");
        assertThat(OeeArithmetic.formula(OeeArithmetic.Figure.OEE, new OeeFigures(OeeProfile.ISO_22400, 60, 0, 0, 0, 0, 0,
                0, 0, 60, 0, 0, 0, 0, 0, 0, List.of()))).startsWith("OEE – = ");
    }
}
