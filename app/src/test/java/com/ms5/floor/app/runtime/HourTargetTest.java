package com.ms5.floor.app.runtime;

import com.ms5.floor.app.model.LineStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.app.Await;
import com.ms5.floor.app.rules.PlantRules;
import com.ms5.floor.app.live.CoalescingLiveValues;
import com.ms5.floor.app.live.LiveKeys;
import com.ms5.floor.plc.api.Role;
import com.ms5.floor.plc.api.SampleBatch;
import com.ms5.floor.plc.api.TagValue;
import com.ms5.floor.plc.tagmap.DataType;
import com.ms5.floor.plc.tagmap.Driver;
import com.ms5.floor.plc.tagmap.TagMap;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The line detail's "each hour against target": the target is the pace of the product made that
 * hour, so a slow product's hour is not reported as half the target; and where the line is on pace
 * to end the shift.
 */
class HourTargetTest {
    private static final Instant EIGHT = Instant.parse("2026-11-24T08:00:00Z");


    @Test
    void eachHoursTargetIsThePaceOfTheProductMadeThatHour() {
        TagMap map = new TagMap("Test", List.of(new TagMap.Connection("plc", Driver.LOGIX, "127.0.0.1", 44818, 0,
                List.of(new TagMap.ScanClass("fast", 1000)))), List.of(new TagMap.Line("L1", "Line 1", List.of(
                new TagMap.Machine("FILLER", "Filler", "plc", List.of(
                        binding(Role.STATE, "Filler.State"), binding(Role.TOTAL_COUNT, "Filler.Total"),
                        binding(Role.GOOD_COUNT, "Filler.Good"), binding(Role.PRODUCT_ID, "Filler.Product")))))));
        // Around the clock; 1 s per part by default, and product 7 (large bottles) takes 2 s.
        PlantRules rules = PlantSetup.defaultRules().withCalendar("UTC", List.of())
                .withCycles(List.of(new PlantRules.MachineCycle("FILLER", 1.0, Map.of(7L, 2.0))));
        MovableClock clock = new MovableClock(EIGHT);
        CoalescingLiveValues hub = new CoalescingLiveValues();
        try (AnalyticsRuntime runtime = new AnalyticsRuntime(PlantSetup.of(map, rules, 1, 1.0), clock, hub, event -> { })) {
            long total = 0;
            for (int s = 0; s < 7200; s++) {
                boolean large = s < 3600; // 08:00-09:00 product 7 at its ideal pace, then product 3 at the default pace
                if (!large || s % 2 == 0) {
                    total++;
                }
                Instant t = EIGHT.plusSeconds(s);
                runtime.accept(new SampleBatch("plc", "fast", t, Map.of("FILLER.state", TagValue.good(1L, t),
                        "FILLER.totalCount", TagValue.good(total, t), "FILLER.goodCount", TagValue.good(total, t),
                        "FILLER.productId", TagValue.good(large ? 7L : 3L, t)), Set.of()));
            }
            clock.moveTo(EIGHT.plusSeconds(7201));
            // every sample counted: a status published while analytics still works through them shows the hours half made
            Await.until(Duration.ofSeconds(20), "both hours counted in full in the line's status", () -> {
                LineStatus status = hub.latest(LiveKeys.line("L1"));
                LineStatus.Hour first = status == null ? null : hour(status, EIGHT);
                LineStatus.Hour second = status == null ? null : hour(status, EIGHT.plusSeconds(3600));
                return first != null && second != null && first.made() >= 1799 && second.made() >= 3599;
            });
            LineStatus status = hub.latest(LiveKeys.line("L1"));
            LineStatus.Hour large = hour(status, EIGHT);
            LineStatus.Hour small = hour(status, EIGHT.plusSeconds(3600));
            assertThat(large.made()).isBetween(1799L, 1801L);
            assertThat(large.target()).as("an hour of product 7 at 2 s a part").isBetween(1790L, 1801L);
            assertThat(small.made()).isBetween(3599L, 3601L);
            assertThat(small.target()).as("an hour of product 3 at the default 1 s").isBetween(3590L, 3601L);

            // At 10:00 of a day shift that ends at midnight, after half an hour of 60 good parts a minute:
            // on pace for the 5,400 made plus 60 a minute for 840 minutes, and the shift's target is the
            // same (product 3's pace from now on), not dragged down by the slow first hour.
            LineStatus.Pace pace = status.pace();
            assertThat(pace.expected()).isBetween(55_800L - 600, 55_800L + 60);
            assertThat(pace.shiftTarget()).isBetween(55_790L, 55_801L);
            assertThat(pace.low()).isLessThanOrEqualTo(pace.expected());
            assertThat(pace.high()).isGreaterThanOrEqualTo(pace.expected());
        }
    }

    private static TagMap.Binding binding(Role role, String address) {
        return new TagMap.Binding(role, null, address, DataType.DINT, null, 0, "fast");
    }

    private static LineStatus.Hour hour(LineStatus status, Instant start) {
        return status.hours().stream().filter(h -> h.start().equals(start)).findFirst().orElse(null);
    }
}
