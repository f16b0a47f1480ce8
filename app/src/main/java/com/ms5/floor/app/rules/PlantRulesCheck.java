package com.ms5.floor.app.rules;

import com.ms5.floor.app.base.Messages;
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
            String where = Messages.get("check.section." + section.name());
            return (row < 0 ? where : Messages.format("check.row", where, row + 1)) + ", " + field + ": " + message;
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
            p.add(new Problem(Section.CALENDAR, -1, field("time zone"), Messages.format("check.timeZone", rules.timeZone())));
        }
        for (int i = 0; i < rules.holidays().size(); i++) {
            try {
                LocalDate.parse(rules.holidays().get(i));
            } catch (DateTimeParseException e) {
                p.add(new Problem(Section.CALENDAR, i, field("holiday"), Messages.format("check.holiday", rules.holidays().get(i))));
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
            java.time.LocalDateTime start = windowTime(p, i, field("from"), w.start());
            java.time.LocalDateTime end = windowTime(p, i, "to", w.end());
            if (start != null && end != null && !end.isAfter(start)) {
                p.add(new Problem(Section.PLANNED_WINDOWS, i, field("to"), Messages.format("check.windowEnd", w.start())));
            }
            if (w.reason() == null || w.reason().isBlank()) {
                p.add(new Problem(Section.PLANNED_WINDOWS, i, field("reason"), Messages.get("check.windowReason")));
            }
            for (String line : RulesText.lineIds(w.lines())) {
                if (!line.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
                    p.add(new Problem(Section.PLANNED_WINDOWS, i, field("lines"), Messages.format("check.windowLine", line)));
                }
            }
        }
    }

    private static java.time.LocalDateTime windowTime(List<Problem> p, int row, String field, String text) {
        try {
            return java.time.LocalDateTime.parse(text == null ? "" : text.strip(), WINDOW_TIME);
        } catch (DateTimeParseException e) {
            p.add(new Problem(Section.PLANNED_WINDOWS, row, field, Messages.format("check.dateTime", text)));
            return null;
        }
    }

    private static void costs(List<Problem> p, PlantRules.Costs costs) {
        costs.byLine().forEach((line, rate) -> {
            if (rate == null || !(rate >= 0) || !Double.isFinite(rate)) {
                p.add(new Problem(Section.COSTS, -1, line, Messages.get("check.costNegative")));
            }
        });
        costs.byCategory().forEach((category, rate) -> {
            if (rate == null || !(rate >= 0) || !Double.isFinite(rate)) {
                p.add(new Problem(Section.COSTS, -1, Messages.category(category), Messages.get("check.costNegative")));
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
                p.add(new Problem(Section.REASONS, i, field("id"), Messages.get("check.idChars")));
            } else if (BUILT_IN_REASONS.contains(r.id())) {
                p.add(new Problem(Section.REASONS, i, field("id"), Messages.format("check.builtIn", r.id())));
            } else if (!ids.add(r.id())) {
                p.add(new Problem(Section.REASONS, i, field("id"), Messages.format("check.usedTwice", r.id())));
            }
            if (r.name() == null || r.name().isBlank()) {
                p.add(new Problem(Section.REASONS, i, field("name"), Messages.get("check.empty")));
            }
            if (r.category() == null) {
                p.add(new Problem(Section.REASONS, i, field("category"), Messages.get("check.category")));
            }
            if (r.parent() != null && !r.parent().isEmpty()) {
                if (!parentOf.containsKey(r.parent())) {
                    p.add(new Problem(Section.REASONS, i, field("parent"), Messages.format("check.noReason", r.parent())));
                } else if (inCycle(r.id(), parentOf)) {
                    p.add(new Problem(Section.REASONS, i, field("parent"), Messages.format("check.ownAncestor", r.parent(), r.id())));
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
                p.add(new Problem(Section.FAULT_CODES, i, field("code"), Messages.get("check.faultZero")));
            } else if (!codes.add(f.code())) {
                p.add(new Problem(Section.FAULT_CODES, i, field("code"), Messages.format("check.listedTwice", f.code())));
            }
            if (f.reason() != null && !f.reason().isEmpty()) {
                Boolean r = retired.get(f.reason());
                if (r == null) {
                    p.add(new Problem(Section.FAULT_CODES, i, field("reason"), Messages.format("check.noReason", f.reason())));
                } else if (r) {
                    p.add(new Problem(Section.FAULT_CODES, i, field("reason"), Messages.format("check.retired", f.reason())));
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
                p.add(new Problem(Section.SHIFTS, i, field("name"), Messages.get("check.empty")));
            } else if (!names.add(s.name())) {
                p.add(new Problem(Section.SHIFTS, i, field("name"), Messages.format("check.usedTwice", s.name())));
            }
            LocalTime start = time(p, i, field("start"), s.start());
            LocalTime end = time(p, i, field("end"), s.end());
            if (s.days().isEmpty()) {
                p.add(new Problem(Section.SHIFTS, i, field("days"), Messages.get("check.days")));
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
                        p.add(new Problem(Section.SHIFTS, i, field("breaks"), Messages.format("check.breakOutside", br.start(), br.end(),
                                s.start(), s.end())));
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
                    Problem problem = new Problem(Section.SHIFTS, later, field("times"), Messages.format("check.overlaps",
                            rules.shifts().get(earlier).name()));
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
            p.add(new Problem(Section.SHIFTS, row, field, Messages.format("check.timeOfDay", text)));
            return null;
        }
    }

    private static void products(List<Problem> p, PlantRules rules) {
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < rules.products().size(); i++) {
            PlantRules.Product product = rules.products().get(i);
            if (product.id() <= 0) {
                p.add(new Problem(Section.PRODUCTS, i, field("id"), Messages.get("check.productZero")));
            } else if (!ids.add(product.id())) {
                p.add(new Problem(Section.PRODUCTS, i, field("id"), Messages.format("check.idUsedTwice", product.id())));
            }
            if (product.name() == null || product.name().isBlank()) {
                p.add(new Problem(Section.PRODUCTS, i, field("name"), Messages.get("check.empty")));
            }
        }
        Set<String> machines = new HashSet<>();
        for (int i = 0; i < rules.cycles().size(); i++) {
            PlantRules.MachineCycle c = rules.cycles().get(i);
            if (!machines.add(c.machine())) {
                p.add(new Problem(Section.CYCLES, i, field("machine"), Messages.format("check.listedTwice", c.machine())));
            }
            if (!(c.idealSeconds() > 0) || !Double.isFinite(c.idealSeconds())) {
                p.add(new Problem(Section.CYCLES, i, field("ideal cycle"), Messages.get("check.positiveSeconds")));
            }
            if (c.microStopSeconds() != null && c.microStopSeconds() < 1) {
                p.add(new Problem(Section.CYCLES, i, field("micro-stop"), Messages.get("check.microStopPlant")));
            }
            if (c.debounceSeconds() != null && (c.debounceSeconds() < 0 || c.debounceSeconds() > MAX_DEBOUNCE)) {
                p.add(new Problem(Section.CYCLES, i, field("debounce"), Messages.format("check.debouncePlant", MAX_DEBOUNCE)));
            }
            for (Map.Entry<Long, Double> e : c.byProduct().entrySet()) {
                String field = String.valueOf(e.getKey());
                if (!ids.contains(e.getKey())) {
                    p.add(new Problem(Section.CYCLES, i, field, Messages.format("check.noProduct", e.getKey())));
                } else if (!(e.getValue() > 0) || !Double.isFinite(e.getValue())) {
                    p.add(new Problem(Section.CYCLES, i, field, Messages.get("check.positiveSeconds")));
                }
            }
        }
    }

    /** A field's name in the station's language. */
    private static String field(String name) {
        return Messages.getOr("check.field." + name, name);
    }

    /** Longer than this, a "blip" would hide stops a person must give a reason for. */
    static final int MAX_DEBOUNCE = 60;

    private static void figures(List<Problem> p, PlantRules.Figures f) {
        try {
            OeeProfile.valueOf(String.valueOf(f.oeeProfile()));
        } catch (IllegalArgumentException e) {
            p.add(new Problem(Section.FIGURES, -1, field("OEE profile"), Messages.format("check.profile", f.oeeProfile(),
                    java.util.Arrays.toString(OeeProfile.values()))));
        }
        if (f.microStopSeconds() < 1) {
            p.add(new Problem(Section.FIGURES, -1, field("micro-stop"), Messages.get("check.microStop")));
        }
        if (f.debounceSeconds() < 0 || f.debounceSeconds() > MAX_DEBOUNCE) {
            p.add(new Problem(Section.FIGURES, -1, field("debounce"), Messages.format("check.debounce", MAX_DEBOUNCE)));
        }
    }

    private static void callTypes(List<Problem> p, PlantRules rules) {
        Set<String> types = new HashSet<>();
        for (int i = 0; i < rules.callTypes().size(); i++) {
            PlantRules.CallRule c = rules.callTypes().get(i);
            if (!CALL_TYPES.contains(c.type())) {
                p.add(new Problem(Section.CALL_TYPES, i, field("type"), Messages.format("check.callType", c.type(), CALL_TYPES)));
            } else if (!types.add(c.type())) {
                p.add(new Problem(Section.CALL_TYPES, i, field("type"), Messages.format("check.listedTwice", c.type())));
            }
            if (c.label() == null || c.label().isBlank()) {
                p.add(new Problem(Section.CALL_TYPES, i, field("label"), Messages.get("check.empty")));
            }
            int last = -1;
            for (int s = 0; s < c.steps().size(); s++) {
                PlantRules.Step step = c.steps().get(s);
                if (step.afterMinutes() < 0 || step.afterMinutes() <= last) {
                    p.add(new Problem(Section.CALL_TYPES, i, "level " + (s + 1), s == 0 ? Messages.get("check.negativeMinutes")
                            : Messages.format("check.laterLevel", s, last)));
                }
                if (step.calls() == null || step.calls().isBlank()) {
                    p.add(new Problem(Section.CALL_TYPES, i, "level " + (s + 1), Messages.get("check.whoCalled")));
                }
                last = step.afterMinutes();
            }
        }
    }
}
