package com.ms5.floor.analytics.shift;

import com.ms5.floor.analytics.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The plant's plan: a weekly pattern of shifts with breaks, holidays, and planned downtime
 * windows, in the plant's time zone. Local times become instants through the zone's rules, so
 * shifts across midnight and daylight-saving changes come out right:
 * <ul>
 *   <li>a local time that does not exist (inside the spring-forward gap) means the moment the gap
 *       ends: a break 02:30-03:00 in a 02:00-03:00 gap is empty that night, one 02:30-03:30 is
 *       half an hour long;</li>
 *   <li>a local time that occurs twice (in the fall-back hour) means its first occurrence, before
 *       the clocks go back: a shift ending at 02:30 ends the first time the clock shows 02:30.</li>
 * </ul>
 * Both keep the order of local times, so no shift or break ever ends before it starts.
 */
public final class ShiftCalendar {
    /**
     * A planned stop of the whole plant or of some lines (maintenance, a meeting, no orders).
     *
     * @param lines the line ids it stops; empty for every line
     */
    public record PlannedWindow(TimeRange range, String reason, Set<String> lines) {
        public PlannedWindow {
            lines = Set.copyOf(lines);
        }

        /** A window that stops the whole plant. */
        public PlannedWindow(TimeRange range, String reason) {
            this(range, reason, Set.of());
        }

        public boolean stops(String lineId) {
            return lines.isEmpty() || lines.contains(lineId);
        }
    }

    /** A stretch of time with one planned status; {@code shift} is null outside shifts. */
    public record PlannedPeriod(TimeRange range, PlannedStatus status, ShiftInstance shift, String reason) {
    }

    private final ZoneId zone;
    private final List<ShiftDefinition> shifts;
    private final Set<LocalDate> holidays;
    private final List<PlannedWindow> plannedDowntime;

    public ShiftCalendar(ZoneId zone, List<ShiftDefinition> shifts, Set<LocalDate> holidays,
                         List<PlannedWindow> plannedDowntime) {
        this.zone = zone;
        this.shifts = List.copyOf(shifts);
        this.holidays = Set.copyOf(holidays);
        this.plannedDowntime = List.copyOf(plannedDowntime);
    }

    /** A plant that produces around the clock without breaks: everything is production time. */
    public static ShiftCalendar aroundTheClock(ZoneId zone) {
        return new ShiftCalendar(zone, List.of(ShiftDefinition.daily("Day", LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)),
                Set.of(), List.of());
    }

    /** The plan of one line: the plant's shifts and holidays, and the planned windows that stop this line. */
    public ShiftCalendar forLine(String lineId) {
        List<PlannedWindow> own = plannedDowntime.stream().filter(w -> w.stops(lineId)).toList();
        return own.size() == plannedDowntime.size() ? this : new ShiftCalendar(zone, shifts, holidays, own);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The shifts that overlap {@code range}, in order of start. */
    public List<ShiftInstance> shifts(TimeRange range) {
        return instances(range, false);
    }

    /** The shift running at {@code t}, or {@code null}. */
    public ShiftInstance shiftAt(Instant t) {
        for (ShiftInstance s : shifts(new TimeRange(t, t.plusNanos(1)))) {
            if (s.span().contains(t)) {
                return s;
            }
        }
        return null;
    }

    /** Cuts {@code range} into stretches of one planned status each, in order, with no gaps. */
    public List<PlannedPeriod> plan(TimeRange range) {
        List<ShiftInstance> running = shifts(range);
        List<ShiftInstance> onHolidays = instances(range, true);
        TreeSet<Instant> cuts = new TreeSet<>(List.of(range.start(), range.end()));
        for (ShiftInstance s : onHolidays) {
            addCut(cuts, range, s.start());
            addCut(cuts, range, s.end());
            for (TimeRange b : s.breaks()) {
                addCut(cuts, range, b.start());
                addCut(cuts, range, b.end());
            }
        }
        for (PlannedWindow w : plannedDowntime) {
            addCut(cuts, range, w.range().start());
            addCut(cuts, range, w.range().end());
        }
        List<PlannedPeriod> periods = new ArrayList<>();
        Instant from = null;
        for (Instant cut : cuts) {
            if (from != null) {
                PlannedPeriod p = statusOf(new TimeRange(from, cut), running, onHolidays);
                PlannedPeriod last = periods.isEmpty() ? null : periods.getLast();
                if (last != null && last.status() == p.status() && last.shift() == p.shift()
                        && Objects.equals(last.reason(), p.reason())) {
                    periods.set(periods.size() - 1, new PlannedPeriod(new TimeRange(last.range().start(), cut),
                            p.status(), p.shift(), p.reason()));
                } else {
                    periods.add(p);
                }
            }
            from = cut;
        }
        return periods;
    }

    /** The planned status at {@code t}, and until when it holds (looking at most two days ahead). */
    public PlannedPeriod periodAt(Instant t) {
        return plan(new TimeRange(t, t.plus(Duration.ofDays(2)))).getFirst();
    }

    private PlannedPeriod statusOf(TimeRange segment, List<ShiftInstance> running, List<ShiftInstance> onHolidays) {
        Instant t = segment.start();
        for (ShiftInstance s : running) {
            if (s.span().contains(t)) {
                for (PlannedWindow w : plannedDowntime) {
                    if (w.range().contains(t)) {
                        return new PlannedPeriod(segment, PlannedStatus.PLANNED_DOWNTIME, s, w.reason());
                    }
                }
                for (TimeRange b : s.breaks()) {
                    if (b.contains(t)) {
                        return new PlannedPeriod(segment, PlannedStatus.BREAK, s, breakName(s, b));
                    }
                }
                return new PlannedPeriod(segment, PlannedStatus.PRODUCTION, s, null);
            }
        }
        for (ShiftInstance s : onHolidays) {
            if (s.span().contains(t) && holidays.contains(s.date())) {
                return new PlannedPeriod(segment, PlannedStatus.HOLIDAY, null, PlannedStatus.HOLIDAY.label());
            }
        }
        return new PlannedPeriod(segment, PlannedStatus.NOT_SCHEDULED, null, PlannedStatus.NOT_SCHEDULED.label());
    }

    private String breakName(ShiftInstance s, TimeRange b) {
        ShiftDefinition def = shifts.stream().filter(d -> d.name().equals(s.name())).findFirst().orElseThrow();
        return def.breaks().get(s.breaks().indexOf(b)).name();
    }

    private List<ShiftInstance> instances(TimeRange range, boolean includeHolidays) {
        List<ShiftInstance> found = new ArrayList<>();
        LocalDate first = range.start().atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = range.end().atZone(zone).toLocalDate();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            if (!includeHolidays && holidays.contains(date)) {
                continue;
            }
            for (ShiftDefinition def : shifts) {
                if (!def.days().contains(date.getDayOfWeek())) {
                    continue;
                }
                ShiftInstance s = instance(def, date);
                if (s.span().intersect(range) != null) {
                    found.add(s);
                }
            }
        }
        found.sort(Comparator.comparing(ShiftInstance::start));
        return found;
    }

    private ShiftInstance instance(ShiftDefinition def, LocalDate date) {
        Instant start = at(date, def.start());
        Instant end = at(def.crossesMidnight() ? date.plusDays(1) : date, def.end());
        List<TimeRange> breaks = new ArrayList<>();
        for (ShiftDefinition.Break b : def.breaks()) {
            LocalDate day = b.start().isBefore(def.start()) ? date.plusDays(1) : date;
            LocalDate endDay = b.end().isAfter(b.start()) ? day : day.plusDays(1);
            breaks.add(new TimeRange(at(day, b.start()), at(endDay, b.end())));
        }
        return new ShiftInstance(def.name(), date, new TimeRange(start, end), breaks);
    }

    private Instant at(LocalDate date, LocalTime time) {
        LocalDateTime local = LocalDateTime.of(date, time);
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant(); // ZonedDateTime.of would move it past the gap's end
        }
        return ZonedDateTime.of(local, zone).toInstant(); // in an overlap: the earlier offset
    }

    private static void addCut(TreeSet<Instant> cuts, TimeRange range, Instant t) {
        if (t.isAfter(range.start()) && t.isBefore(range.end())) {
            cuts.add(t);
        }
    }
}
