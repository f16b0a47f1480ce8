package com.ms5.floor.app.ui.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ms5.floor.plc.tagmap.TagMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an engineer types into the Setup tab's scaling, deadband and scan-class fields. */
class BindingTextTest {
    @Test
    void scalingRoundTripsAndTakesEitherArrow() {
        TagMap.Scaling s = BindingText.parseScaling("0..27648 -> 0..100");
        assertThat(s).isEqualTo(new TagMap.Scaling(0, 27648, 0, 100));
        assertThat(BindingText.scaling(s)).isEqualTo("0..27648 → 0..100");
        assertThat(BindingText.parseScaling(BindingText.scaling(s))).isEqualTo(s);
        assertThat(BindingText.parseScaling("  ")).as("empty: no scaling").isNull();
    }

    @Test
    void aScalingTypedWrongSaysWhatToType() {
        assertThatThrownBy(() -> BindingText.parseScaling("0-27648 → 0-100")).hasMessageContaining("as in 0..27648 → 0..100");
        assertThatThrownBy(() -> BindingText.parseScaling("0..27648 → 0..1OO"))
                .hasMessage("engHigh '1OO' is not a number; use a point for decimals (0.5)");
    }

    @Test
    void numbersAreWrittenWithoutANeedlessFraction() {
        assertThat(BindingText.number(5.0)).isEqualTo("5");
        assertThat(BindingText.number(0.5)).isEqualTo("0.5");
        assertThatThrownBy(() -> BindingText.parse("0,5", "deadband")).hasMessageStartingWith("deadband '0,5' is not a number");
    }

    @Test
    void scanClassesAreNamesWithTheirPeriods() {
        List<TagMap.ScanClass> scans = BindingText.parseScanClasses("fast=100, normal = 1000,");
        assertThat(scans).containsExactly(new TagMap.ScanClass("fast", 100), new TagMap.ScanClass("normal", 1000));
        assertThat(BindingText.scanClasses(scans)).isEqualTo("fast=100, normal=1000");
        assertThatThrownBy(() -> BindingText.parseScanClasses("fast:100"))
                .hasMessage("Scan class 'fast:100' is not name=milliseconds, as in fast=100");
    }
}
