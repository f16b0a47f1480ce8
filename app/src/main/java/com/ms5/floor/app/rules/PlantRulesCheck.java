package com.ms5.floor.app.rules;

import com.ms5.floor.analytics.downtime.ReasonTree;
import com.ms5.floor.analytics.oee.OeeProfile;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything wrong with a set of plant rules, each problem with its section, row and field, so the
 * editor tints the row and names the problem beside it. Empty means the rules can be stored and
 * used by analytics.
 */
public final class PlantRulesCheck {
    public enum Section { CALENDAR, REASONS, FAULT_CODES, SHIFTS, PRODUCTS, CYCLES, CALL_TYPES, FIGURES, PLANNED_WINDOWS, COSTS }

    /** @param row the row within its section, or -1 for the section as a whole */
    public record Problem(Section section, int row, String field, String message) {
        @Override
        public String toString() {
            return section.name().toLowerCase().replace('_', ' ') + (row < 0 ? "" : " row " + (row + 1)) + ", "
                    + field + ": " + message;
        }
    }

    /** The Andon bits' call types, in bit order (README, "Andon"). */
    public static final List<String> CALL_TYPES = List.of("maintenance", "quality", "material", "safety");
    private static final Set<String> BUILT_IN_REASONS = Set.of(ReasonTree.UNASSIGNED, ReasonTree.STARVED, ReasonTree.BLOCKED);

    private PlantRulesCheck() {
    }

    public static List<Problem> problems(PlantRules rules) {
        List<Problem> p = new ArrayList<>();
        try {
            ZoneId.of(rules.timeZone());
        } catch (DateTimeException | NullPointerException e) {
            p.add(new Problem(Section.CALENDAR, -1, "time zone", "'" + rules.timeZone()
                    + "' is not a time zone; use a name like Europe/Berlin or America/Chicago"));
        }
        for (int i = 0; i < rules.holidays().size(); i++) {
            try {
                LocalDate.parse(rules.holidays().get(i));
            } catch (DateTimeParseException e) {
                p.add(new Problem(Section.CALENDAR, i, "holiday", "'" + rules.holidays().get(i)
                        + "' is not a date; write it as 2026-12-25"));
            }
        }
        reasons(p, rules);
        faultCodes(p, rules);
        shifts(p, rules);
        products(p, rules);
        callTypes(p, rules);
        figures(p, rules.figures());
        plannedWindows(p, rules);
        costs(p, rules.costs());
        return p;
    }

    /** How a planned window's start and end are written: local date and time in the plant's zone. */
    public static final java.time.format.DateTimeFormatter WINDOW_TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static void plannedWindows(List<Problem> p, PlantRules rules) {
        for (int i = 0; i < rules.plannedWindows().size(); i++) {
            PlantRules.PlannedWindow w = rules.plannedWindows().get(i);
            java.time.LocalDateTime start = windowTime(p, i, "from", w.start());
            java.time.LocalDateTime end = windowTime(p, i, "to", w.end());
            if (start != null && end != null && !end.isAfter(start)) {
                p.add(new Problem(Section.PLANNED_WINDOWS, i, "to", "must be after its start " + w.start()));
            }
            if (w.reason() == null || w.reason().isBlank()) {
                p.add(new Problem(Section.PLANNED_WINDOWS, i, "reason", "say what it is for (\"Team meeting\")"));
            }
            for (String line : RulesText.lineIds(w.lines())) {
                if (!line.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
                    p.add(new Problem(Section.PLANNED_WINDOWS, i, "lines", "'" + line + "' is not a line id; "
                            + "separate line ids with commas, or leave it empty for every line"));
                }
            }
        }
    }

    private static java.time.LocalDateTime windowTime(List<Problem> p, int row, String field, String text) {
        try {
            return java.time.LocalDateTime.parse(text == null ? "" : text.strip(), WINDOW_TIME);
        } catch (DateTimeParseException e) {
            p.add(new Problem(Section.PLANNED_WINDOWS, row, field, "'" + text + "' is not a date and time; write it as 2026-12-08 10:00"));
            return null;
        }
    }

    private static void costs(List<Problem> p, PlantRules.Costs costs) {
        costs.byLine().forEach((line, rate) -> {
            if (rate == null || !(rate >= 0) || !Double.isFinite(rate)) {
                p.add(new Problem(Section.COSTS, -1, "line " + line, "a cost per minute must be 0 or more"));
            }
        });
        costs.byCategory().forEach((category, rate) -> {
            if (rate == null || !(rate >= 0) || !Double.isFinite(rate)) {
                p.add(new Problem(Section.COSTS, -1, category.label(), "a cost per minute must be 0 or more"));
            }
        });
    }

    private static void reasons(List<Problem> p, PlantRules rules) {
        Map<String, String> parentOf = new HashMap<>();
        for (PlantRules.Reason r : rules.reasons()) {
            if (r.id() != null) {
                parentOf.putIfAbsent(r.id(), r.parent());
            }
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.reasons().size(); i++) {
            PlantRules.Reason r = rules.reasons().get(i);
            if (r.id() == null || !r.id().matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
                p.add(new Problem(Section.REASONS, i, "id", "needs letters, digits, '-', '_' or '.', no spaces"));
            } else if (BUILT_IN_REASONS.contains(r.id())) {
                p.add(new Problem(Section.REASONS, i, "id", "'" + r.id() + "' is built in; choose another id"));
            } else if (!ids.add(r.id())) {
                p.add(new Problem(Section.REASONS, i, "id", "'" + r.id() + "' is used twice"));
            }
            if (r.name() == null || r.name().isBlank()) {
                p.add(new Problem(Section.REASONS, i, "name", "is empty"));
            }
            if (r.category() == null) {
                p.add(new Problem(Section.REASONS, i, "category", "choose where its minutes go"));
            }
            if (r.parent() != null && !r.parent().isEmpty()) {
                if (!parentOf.containsKey(r.parent())) {
                    p.add(new Problem(Section.REASONS, i, "parent", "there is no reason '" + r.parent() + "'"));
                } else if (inCycle(r.id(), parentOf)) {
                    p.add(new Problem(Section.REASONS, i, "parent", "'" + r.parent() + "' lies under '" + r.id()
                            + "' itself; a reason cannot be its own ancestor"));
                }
            }
        }
    }

    private static boolean inCycle(String id, Map<String, String> parentOf) {
        Set<String> seen = new HashSet<>();
        for (String at = parentOf.get(id); at != null && !at.isEmpty(); at = parentOf.get(at)) {
            if (at.equals(id) || !seen.add(at)) {
                return true;
            }
        }
        return false;
    }

    private static void faultCodes(List<Problem> p, PlantRules rules) {
        Map<String, Boolean> retired = new HashMap<>();
        rules.reasons().forEach(r -> retired.put(r.id(), r.retired()));
        Set<Long> codes = new HashSet<>();
        for (int i = 0; i < rules.faultCodes().size(); i++) {
            PlantRules.FaultCode f = rules.faultCodes().get(i);
            if (f.code() <= 0) {
                p.add(new Problem(Section.FAULT_CODES, i, "code", "must be above 0 (0 means no fault)"));
            } else if (!codes.add(f.code())) {
                p.add(new Problem(Section.FAULT_CODES, i, "code", f.code() + " is listed twice"));
            }
            if (f.reason() != null && !f.reason().isEmpty()) {
                Boolean r = retired.get(f.reason());
                if (r == null) {
                    p.add(new Problem(Section.FAULT_CODES, i, "reason", "there is no reason '" + f.reason() + "'"));
                } else if (r) {
                    p.add(new Problem(Section.FAULT_CODES, i, "reason", "'" + f.reason()
                            + "' is retired; choose a reason in use"));
                }
            }
        }
    }

    private static void shifts(List<Problem> p, PlantRules rules) {
        Set<String> names = new HashSet<>();
        List<int[]> weekMinutes = new ArrayList<>(); // per shift: start minute of the week per day, and length
        List<Integer> owner = new ArrayList<>();
        for (int i = 0; i < rules.shifts().size(); i++) {
            PlantRules.Shift s = rules.shifts().get(i);
            if (s.name() == null || s.name().isBlank()) {
                p.add(new Problem(Section.SHIFTS, i, "name", "is empty"));
            } else if (!names.add(s.name())) {
                p.add(new Problem(Section.SHIFTS, i, "name", "'" + s.name() + "' is used twice"));
            }
            LocalTime start = time(p, i, "start", s.start());
            LocalTime end = time(p, i, "end", s.end());
            if (s.days().isEmpty()) {
                p.add(new Problem(Section.SHIFTS, i, "days", "choose the days the shift runs"));
            }
            if (start == null || end == null) {
                continue;
            }
            int from = start.toSecondOfDay() / 60;
            int length = Math.floorMod(end.toSecondOfDay() / 60 - from - 1, 1440) + 1; // end <= start: next day
            for (int b = 0; b < s.breaks().size(); b++) {
                PlantRules.Break br = s.breaks().get(b);
                LocalTime bs = time(p, i, "break " + (b + 1) + " start", br.start());
                LocalTime be = time(p, i, "break " + (b + 1) + " end", br.end());
                if (bs != null && be != null) {
                    int offset = Math.floorMod(bs.toSecondOfDay() / 60 - from, 1440);
                    int breakLength = Math.floorMod(be.toSecondOfDay() / 60 - bs.toSecondOfDay() / 60, 1440);
                    if (breakLength == 0 || offset + breakLength > length) {
                        p.add(new Problem(Section.SHIFTS, i, "breaks", "break " + br.start() + "-" + br.end()
                                + " does not lie inside the shift " + s.start() + "-" + s.end()));
                    }
                }
            }
            for (DayOfWeek day : s.days()) {
                weekMinutes.add(new int[] {(day.getValue() - 1) * 1440 + from, length});
                owner.add(i);
            }
        }
        for (int a = 0; a < weekMinutes.size(); a++) {
            for (int b = a + 1; b < weekMinutes.size(); b++) {
                if (!owner.get(a).equals(owner.get(b)) && overlap(weekMinutes.get(a), weekMinutes.get(b))) {
                    int later = Math.max(owner.get(a), owner.get(b));
                    int earlier = Math.min(owner.get(a), owner.get(b));
                    Problem problem = new Problem(Section.SHIFTS, later, "times", "overlaps shift '"
                            + rules.shifts().get(earlier).name() + "'; a moment belongs to one shift");
                    if (!p.contains(problem)) {
                        p.add(problem);
                    }
                }
            }
        }
    }

    /** Whether two stretches of the week (start minute, length) overlap; the week wraps around. */
    private static boolean overlap(int[] a, int[] b) {
        int week = 7 * 1440;
        int d = Math.floorMod(b[0] - a[0], week);
        return d < a[1] || week - d < b[1];
    }

    private static LocalTime time(List<Problem> p, int row, String field, String text) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            p.add(new Problem(Section.SHIFTS, row, field, "'" + text + "' is not a time of day; write it as 06:00"));
            return null;
        }
    }

    private static void products(List<Problem> p, PlantRules rules) {
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < rules.products().size(); i++) {
            PlantRules.Product product = rules.products().get(i);
            if (product.id() <= 0) {
                p.add(new Problem(Section.PRODUCTS, i, "id", "must be above 0 (the PLC's product number)"));
            } else if (!ids.add(product.id())) {
                p.add(new Problem(Section.PRODUCTS, i, "id", product.id() + " is used twice"));
            }
            if (product.name() == null || product.name().isBlank()) {
                p.add(new Problem(Section.PRODUCTS, i, "name", "is empty"));
            }
        }
        Set<String> machines = new HashSet<>();
        for (int i = 0; i < rules.cycles().size(); i++) {
            PlantRules.MachineCycle c = rules.cycles().get(i);
            if (!machines.add(c.machine())) {
                p.add(new Problem(Section.CYCLES, i, "machine", c.machine() + " is listed twice"));
            }
            if (!(c.idealSeconds() > 0) || !Double.isFinite(c.idealSeconds())) {
                p.add(new Problem(Section.CYCLES, i, "ideal cycle", "must be more than 0 seconds"));
            }
            if (c.microStopSeconds() != null && c.microStopSeconds() < 1) {
                p.add(new Problem(Section.CYCLES, i, "micro-stop", "must be at least 1 second, or empty for the plant's"));
            }
            if (c.debounceSeconds() != null && (c.debounceSeconds() < 0 || c.debounceSeconds() > MAX_DEBOUNCE)) {
                p.add(new Problem(Section.CYCLES, i, "debounce", "must be 0-" + MAX_DEBOUNCE + " seconds, or empty for the plant's"));
            }
            for (Map.Entry<Long, Double> e : c.byProduct().entrySet()) {
                String field = String.valueOf(e.getKey());
                if (!ids.contains(e.getKey())) {
                    p.add(new Problem(Section.CYCLES, i, field, "there is no product " + e.getKey()));
                } else if (!(e.getValue() > 0) || !Double.isFinite(e.getValue())) {
                    p.add(new Problem(Section.CYCLES, i, field, "must be more than 0 seconds"));
                }
            }
        }
    }

    /** Longer than this, a "blip" would hide stops a person must give a reason for. */
    static final int MAX_DEBOUNCE = 60;

    private static void figures(List<Problem> p, PlantRules.Figures f) {
        try {
            OeeProfile.valueOf(String.valueOf(f.oeeProfile()));
        } catch (IllegalArgumentException e) {
            p.add(new Problem(Section.FIGURES, -1, "OEE profile", "'" + f.oeeProfile() + "' is not one of "
                    + java.util.Arrays.toString(OeeProfile.values())));
        }
        if (f.microStopSeconds() < 1) {
            p.add(new Problem(Section.FIGURES, -1, "micro-stop", "must be at least 1 second"));
        }
        if (f.debounceSeconds() < 0 || f.debounceSeconds() > MAX_DEBOUNCE) {
            p.add(new Problem(Section.FIGURES, -1, "debounce", "must be 0-" + MAX_DEBOUNCE + " seconds"));
        }
    }

    private static void callTypes(List<Problem> p, PlantRules rules) {
        Set<String> types = new HashSet<>();
        for (int i = 0; i < rules.callTypes().size(); i++) {
            PlantRules.CallRule c = rules.callTypes().get(i);
            if (!CALL_TYPES.contains(c.type())) {
                p.add(new Problem(Section.CALL_TYPES, i, "type", "'" + c.type() + "' is not one of " + CALL_TYPES));
            } else if (!types.add(c.type())) {
                p.add(new Problem(Section.CALL_TYPES, i, "type", c.type() + " is listed twice"));
            }
            if (c.label() == null || c.label().isBlank()) {
                p.add(new Problem(Section.CALL_TYPES, i, "label", "is empty"));
            }
            int last = -1;
            for (int s = 0; s < c.steps().size(); s++) {
                PlantRules.Step step = c.steps().get(s);
                if (step.afterMinutes() < 0 || step.afterMinutes() <= last) {
                    p.add(new Problem(Section.CALL_TYPES, i, "level " + (s + 1), s == 0 ? "minutes cannot be negative"
                            : "must come later than level " + s + " (" + last + " min)"));
                }
                if (step.calls() == null || step.calls().isBlank()) {
                    p.add(new Problem(Section.CALL_TYPES, i, "level " + (s + 1), "say who is called"));
                }
                last = step.afterMinutes();
            }
        }
    }
}
