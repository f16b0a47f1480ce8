package com.ms5.floor.analytics.shift;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.analytics.Plans;
import com.ms5.floor.analytics.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShiftCalendarTest {

    /**
     * Berlin's clocks go from 02:00 to 03:00 on Sunday 2026-03-29 and from 03:00 back to 02:00 on
     * Sunday 2026-10-25. The night shift 22:00-06:00 that starts the evening before is 7 hours
     * long in March and 9 hours in October; the other nights are 8.
     */
    @Test
    void aNightShiftAcrossADaylightSavingChangeIsAnHourShorterOrLonger() {
        ShiftCalendar calendar = Plans.threeShiftsBerlin();
        assertThat(night(calendar, LocalDate.of(2026, 3, 27)).span().duration()).isEqualTo(Duration.ofHours(8));
        ShiftInstance spring = night(calendar, LocalDate.of(2026, 3, 28));
        assertThat(spring.start()).isEqualTo(Instant.parse("2026-03-28T21:00:00Z")); // 22:00 CET (UTC+1)
        assertThat(spring.end()).isEqualTo(Instant.parse("2026-03-29T04:00:00Z")); // 06:00 CEST (UTC+2)
        assertThat(spring.span().duration()).isEqualTo(Duration.ofHours(7));
        ShiftInstance autumn = night(calendar, LocalDate.of(2026, 10, 24));
        assertThat(autumn.start()).isEqualTo(Instant.parse("2026-10-24T20:00:00Z")); // 22:00 CEST
        assertThat(autumn.end()).isEqualTo(Instant.parse("2026-10-25T05:00:00Z")); // 06:00 CET
        assertThat(autumn.span().duration()).isEqualTo(Duration.ofHours(9));
        // the next early shift starts where the night ended: no gap, no overlap
        assertThat(calendar.shiftAt(Instant.parse("2026-10-25T05:00:00Z")).key()).isEqualTo("2026-10-25 Early");
        assertThat(calendar.shiftAt(Instant.parse("2026-10-25T04:59:59Z")).key()).isEqualTo("2026-10-24 Night");
    }

    @Test
    void thePlanCutsADayIntoProductionBreaksAndUnscheduledTime() {
        ShiftCalendar calendar = Plans.textbookDay();
        Instant day = Instant.parse("2026-11-24T00:00:00Z");
        List<ShiftCalendar.PlannedPeriod> plan = calendar.plan(new TimeRange(day, day.plus(Duration.ofDays(1))));
        assertThat(plan).extracting(p -> p.status() + " " + p.range().start().toString().substring(11, 16)
                        + "-" + p.range().end().toString().substring(11, 16) + (p.reason() == null ? "" : " " + p.reason()))
                .containsExactly(
                        "NOT_SCHEDULED 00:00-06:00 no shift scheduled",
                        "PRODUCTION 06:00-08:00",
                        "BREAK 08:00-08:15 Morning break",
                        "PRODUCTION 08:15-10:00",
                        "BREAK 10:00-10:30 Lunch",
                        "PRODUCTION 10:30-12:00",
                        "BREAK 12:00-12:15 Afternoon break",
                        "PRODUCTION 12:15-14:00",
                        "NOT_SCHEDULED 14:00-00:00 no shift scheduled");
        double production = plan.stream().filter(p -> p.status() == PlannedStatus.PRODUCTION)
                .mapToDouble(p -> p.range().seconds()).sum();
        assertThat(production).isEqualTo(420 * 60); // 480 min less 60 min of breaks
    }

    @Test
    void holidaysAndPlannedDowntimeWindowsShowInThePlan() {
        Instant maintenance = Instant.parse("2026-11-24T07:00:00Z");
        ShiftCalendar calendar = new ShiftCalendar(ZoneOffset.UTC, List.of(Plans.TEXTBOOK_DAY),
                Set.of(LocalDate.of(2026, 12, 25)),
                List.of(new ShiftCalendar.PlannedWindow(new TimeRange(maintenance, maintenance.plusSeconds(3600)),
                        "Preventive maintenance")));
        assertThat(calendar.periodAt(maintenance.plusSeconds(60)).status()).isEqualTo(PlannedStatus.PLANNED_DOWNTIME);
        assertThat(calendar.periodAt(maintenance.plusSeconds(60)).reason()).isEqualTo("Preventive maintenance");
        assertThat(calendar.periodAt(Instant.parse("2026-12-25T07:00:00Z")).status()).isEqualTo(PlannedStatus.HOLIDAY);
        assertThat(calendar.shiftAt(Instant.parse("2026-12-25T07:00:00Z"))).isNull();
    }

    @Test
    void aBreakAfterMidnightBelongsToTheNightShiftItFallsIn() {
        ShiftDefinition night = ShiftDefinition.daily("Night", LocalTime.of(22, 0), LocalTime.of(6, 0),
                new ShiftDefinition.Break("Night break", LocalTime.of(2, 0), LocalTime.of(2, 30)));
        ShiftCalendar calendar = new ShiftCalendar(ZoneOffset.UTC, List.of(night), Set.of(), List.of());
        ShiftInstance shift = calendar.shiftAt(Instant.parse("2026-11-24T23:00:00Z"));
        assertThat(shift.breaks()).containsExactly(new TimeRange(Instant.parse("2026-11-25T02:00:00Z"),
                Instant.parse("2026-11-25T02:30:00Z")));
    }

    private static ShiftInstance night(ShiftCalendar calendar, LocalDate date) {
        Instant noon = date.atTime(LocalTime.NOON).atZone(calendar.zone()).toInstant();
        return calendar.shifts(new TimeRange(noon, noon.plus(Duration.ofDays(1)))).stream()
                .filter(s -> s.name().equals("Night") && s.date().equals(date)).findFirst().orElseThrow();
    }
}
