package com.ms5.floor.analytics.shift;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.analytics.Plans;
import com.ms5.floor.analytics.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShiftCalendarTest {
    private static final LocalDate MARCH_28 = LocalDate.of(2026, 3, 28);

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

    /**
     * Berlin's spring gap is 02:00-03:00 on 2026-03-29. A night break 02:30-03:00 lies wholly in it:
     * that night it is empty, and the plan around it still runs from one instant to the next. A break
     * 02:30-03:30 keeps the half hour that exists; one 01:30-02:30 keeps 01:30-02:00.
     */
    @Test
    void aBreakInsideTheSpringGapKeepsOnlyTheTimeThatExists() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant gapEnds = Instant.parse("2026-03-29T01:00:00Z"); // 02:00 CET is 03:00 CEST
        assertThat(nightBreak(berlin, MARCH_28, "02:30", "03:00")).isEqualTo(new TimeRange(gapEnds, gapEnds));
        assertThat(nightBreak(berlin, MARCH_28, "02:30", "03:30")).isEqualTo(new TimeRange(gapEnds, gapEnds.plusSeconds(1800)));
        assertThat(nightBreak(berlin, MARCH_28, "01:30", "02:30")).isEqualTo(new TimeRange(gapEnds.minusSeconds(1800), gapEnds));

        ShiftCalendar calendar = nightWithBreak(berlin, "02:30", "03:00");
        Instant from = Instant.parse("2026-03-26T00:00:00Z");
        for (Instant t = from; t.isBefore(from.plus(Duration.ofDays(6))); t = t.plusSeconds(600)) {
            assertThat(calendar.periodAt(t).range().contains(t)).isTrue();
        }
    }

    /**
     * In Berlin's fall-back hour (02:00-03:00 twice on 2026-10-25) a local time means its first
     * occurrence: a break 02:15-02:45 is the half hour before the clocks go back.
     */
    @Test
    void aTimeInTheFallBackHourMeansItsFirstOccurrence() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertThat(nightBreak(berlin, LocalDate.of(2026, 10, 24), "02:15", "02:45")).isEqualTo(new TimeRange(
                Instant.parse("2026-10-25T00:15:00Z"), Instant.parse("2026-10-25T00:45:00Z"))); // CEST, UTC+2
    }

    /**
     * Every daylight-saving change of 2026 in zones whose changes fall at different local times
     * (midnight in Havana and Santiago, half an hour on Lord Howe Island, the southern hemisphere):
     * shifts and breaks that start, end or lie inside the changed hour give a plan with no gap and
     * no overlap over the four days around each change, and every shift and break ends after it starts.
     */
    @Test
    void shiftsAndBreaksSurviveEveryChangeOfAYearInSeveralZones() {
        List<String> zones = List.of("Europe/Berlin", "America/New_York", "America/Havana", "America/Santiago",
                "Australia/Sydney", "Australia/Lord_Howe", "Europe/London");
        int changes = 0;
        for (String id : zones) {
            ZoneId zone = ZoneId.of(id);
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            for (var change = zone.getRules().nextTransition(t); change != null
                    && change.getInstant().isBefore(Instant.parse("2027-01-01T00:00:00Z"));
                 change = zone.getRules().nextTransition(change.getInstant())) {
                changes++;
                LocalTime at = change.getDateTimeBefore().toLocalTime();
                // a shift from 2 h before the change to 4 h after; breaks across the change, inside the
                // changed time, and from inside it to the hour after the change
                ShiftDefinition shift = ShiftDefinition.daily("S", at.minusHours(2), at.plusHours(4),
                        new ShiftDefinition.Break("across", at.minusMinutes(15), at.plusMinutes(15)),
                        new ShiftDefinition.Break("inside", at.plusMinutes(20), at.plusMinutes(25)),
                        new ShiftDefinition.Break("out of it", at.plusMinutes(28), at.plusMinutes(60)));
                ShiftCalendar calendar = new ShiftCalendar(zone, List.of(shift), Set.of(), List.of());
                TimeRange days = new TimeRange(change.getInstant().minus(Duration.ofDays(2)),
                        change.getInstant().plus(Duration.ofDays(2)));
                List<ShiftCalendar.PlannedPeriod> plan = calendar.plan(days);
                assertThat(plan.getFirst().range().start()).as(id + " " + change).isEqualTo(days.start());
                assertThat(plan.getLast().range().end()).as(id + " " + change).isEqualTo(days.end());
                for (int i = 1; i < plan.size(); i++) {
                    assertThat(plan.get(i).range().start()).as(id + " " + change).isEqualTo(plan.get(i - 1).range().end());
                }
                for (ShiftInstance s : calendar.shifts(days)) {
                    assertThat(s.span().duration()).as(id + " " + s.key()).isBetween(Duration.ofHours(4), Duration.ofHours(8));
                    for (TimeRange b : s.breaks()) {
                        assertThat(b.start()).as(id + " " + s.key()).isAfterOrEqualTo(s.start());
                        assertThat(b.end()).as(id + " " + s.key()).isBeforeOrEqualTo(s.end());
                    }
                }
            }
        }
        assertThat(changes).isEqualTo(2 * zones.size());
    }

    private static ShiftCalendar nightWithBreak(ZoneId zone, String start, String end) {
        return new ShiftCalendar(zone, List.of(ShiftDefinition.daily("Night", LocalTime.of(22, 0), LocalTime.of(6, 0),
                new ShiftDefinition.Break("Night break", LocalTime.parse(start), LocalTime.parse(end)))), Set.of(), List.of());
    }

    /** The break of the night shift that starts on {@code date}. */
    private static TimeRange nightBreak(ZoneId zone, LocalDate date, String start, String end) {
        return night(nightWithBreak(zone, start, end), date).breaks().getFirst();
    }

    private static ShiftInstance night(ShiftCalendar calendar, LocalDate date) {
        Instant noon = date.atTime(LocalTime.NOON).atZone(calendar.zone()).toInstant();
        return calendar.shifts(new TimeRange(noon, noon.plus(Duration.ofDays(1)))).stream()
                .filter(s -> s.name().equals("Night") && s.date().equals(date)).findFirst().orElseThrow();
    }
}
