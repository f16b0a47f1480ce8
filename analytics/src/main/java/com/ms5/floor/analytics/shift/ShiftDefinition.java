package com.ms5.floor.analytics.shift;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A shift of the weekly pattern, in the plant's local time. A shift whose end is not after its
 * start ends on the next day (a night shift, 22:00 to 06:00) and belongs to the day it starts.
 *
 * @param days   the weekdays the shift starts on
 * @param breaks breaks inside the shift, in local time; a break before the shift's start time
 *               lies on the next day
 */
public record ShiftDefinition(String name, LocalTime start, LocalTime end, Set<DayOfWeek> days, List<Break> breaks) {
    public record Break(String name, LocalTime start, LocalTime end) {
    }

    public ShiftDefinition {
        days = Set.copyOf(days);
        breaks = List.copyOf(breaks);
    }

    /** A shift on every day of the week. */
    public static ShiftDefinition daily(String name, LocalTime start, LocalTime end, Break... breaks) {
        return new ShiftDefinition(name, start, end, EnumSet.allOf(DayOfWeek.class), List.of(breaks));
    }

    public boolean crossesMidnight() {
        return !end.isAfter(start);
    }
}
