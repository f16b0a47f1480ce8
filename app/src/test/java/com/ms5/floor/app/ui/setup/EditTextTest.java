package com.ms5.floor.app.ui.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ms5.floor.plc.tagmap.TagMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an engineer types into the Setup and Rules tabs' scaling, deadband, scan-class and cycle-time cells. */
class EditTextTest {
    @Test
    void scalingRoundTripsAndTakesEitherArrow() {
        TagMap.Scaling s = EditText.parseScaling("0..27648 -> 0..100");
        assertThat(s).isEqualTo(new TagMap.Scaling(0, 27648, 0, 100));
        assertThat(EditText.scaling(s)).isEqualTo("0..27648 → 0..100");
        assertThat(EditText.parseScaling(EditText.scaling(s))).isEqualTo(s);
        assertThat(EditText.parseScaling("  ")).as("empty: no scaling").isNull();
    }

    @Test
    void aScalingTypedWrongSaysWhatToType() {
        assertThatThrownBy(() -> EditText.parseScaling("0-27648 → 0-100")).hasMessageContaining("as in 0..27648 → 0..100");
        assertThatThrownBy(() -> EditText.parseScaling("0..27648 → 0..1OO"))
                .hasMessage("engHigh '1OO' is not a number; use a point for decimals (0.5)");
    }

    @Test
    void numbersAreWrittenWithoutANeedlessFraction() {
        assertThat(EditText.number(5.0)).isEqualTo("5");
        assertThat(EditText.number(0.5)).isEqualTo("0.5");
        assertThatThrownBy(() -> EditText.parse("0,5", "deadband")).hasMessageStartingWith("deadband '0,5' is not a number");
    }

    @Test
    void scanClassesAreNamesWithTheirPeriods() {
        List<TagMap.ScanClass> scans = EditText.parseScanClasses("fast=100, normal = 1000,");
        assertThat(scans).containsExactly(new TagMap.ScanClass("fast", 100), new TagMap.ScanClass("normal", 1000));
        assertThat(EditText.scanClasses(scans)).isEqualTo("fast=100, normal=1000");
        assertThatThrownBy(() -> EditText.parseScanClasses("fast:100"))
                .hasMessage("Scan class 'fast:100' is not name=milliseconds, as in fast=100");
    }

    @Test
    void cycleTimesTakeADecimalCommaAndCodesMustBeWhole() {
        assertThat(EditText.seconds("0,45", "the filler")).isEqualTo(0.45);
        assertThat(EditText.seconds(0.45)).isEqualTo("0.45");
        assertThat(EditText.seconds(2.0)).isEqualTo("2");
        assertThatThrownBy(() -> EditText.seconds("fast", "the filler"))
                .hasMessage("'fast' is not a number of seconds for the filler; write 0.45");
        assertThatThrownBy(() -> EditText.whole("101.5", "the fault code"))
                .hasMessage("'101.5' is not a whole number for the fault code");
    }
}
