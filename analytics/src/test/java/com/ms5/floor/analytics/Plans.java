package com.ms5.floor.analytics;

import com.ms5.floor.analytics.shift.ShiftCalendar;
import com.ms5.floor.analytics.shift.ShiftDefinition;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/** Calendars the tests share. */
public final class Plans {
    /** The textbook day shift: 06:00 to 14:00 UTC, breaks 08:00-08:15, lunch 10:00-10:30, 12:00-12:15. */
    public static final ShiftDefinition TEXTBOOK_DAY = ShiftDefinition.daily("Day", LocalTime.of(6, 0), LocalTime.of(14, 0),
            new ShiftDefinition.Break("Morning break", LocalTime.of(8, 0), LocalTime.of(8, 15)),
            new ShiftDefinition.Break("Lunch", LocalTime.of(10, 0), LocalTime.of(10, 30)),
            new ShiftDefinition.Break("Afternoon break", LocalTime.of(12, 0), LocalTime.of(12, 15)));

    public static ShiftCalendar textbookDay() {
        return new ShiftCalendar(ZoneOffset.UTC, List.of(TEXTBOOK_DAY), Set.of(), List.of());
    }

    /** Three 8-hour shifts in Berlin: 06-14, 14-22, 22-06 (the night shift crosses midnight). */
    public static ShiftCalendar threeShiftsBerlin() {
        return new ShiftCalendar(ZoneId.of("Europe/Berlin"), List.of(
                ShiftDefinition.daily("Early", LocalTime.of(6, 0), LocalTime.of(14, 0)),
                ShiftDefinition.daily("Late", LocalTime.of(14, 0), LocalTime.of(22, 0)),
                ShiftDefinition.daily("Night", LocalTime.of(22, 0), LocalTime.of(6, 0))), Set.of(), List.of());
    }

    private Plans() {
    }
}
