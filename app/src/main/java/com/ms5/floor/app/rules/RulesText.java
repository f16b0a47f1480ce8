package com.ms5.floor.app.rules;

import com.ms5.floor.app.base.Messages;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The short text forms the Rules tab shows and takes for a shift's days and breaks and a call
 * type's escalation: "Mon-Fri", "Break 09:30-09:45, Lunch 12:00-12:30", "0 min line lead; 5 min
 * shift supervisor". Parsing throws IllegalArgumentException saying how to write it.
 */
public final class RulesText {
    private RulesText() {
    }

    public static String days(List<DayOfWeek> days) {
        if (days.size() == 7) {
            return "every day";
        }
        if (days.size() == 5 && EnumSet.copyOf(days).equals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))) {
            return "Mon-Fri";
        }
        return days.stream().sorted().map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).collect(Collectors.joining(" "));
    }

    /** "every day", "Mon-Fri", "Mon Wed Fri", "Sat-Sun" (ranges within one week). */
    public static List<DayOfWeek> parseDays(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("every day") || t.equals("daily")) {
            return List.of(DayOfWeek.values());
        }
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : t.split("[\\s,]+")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] range = part.split("-", 2);
            DayOfWeek from = day(range[0]);
            DayOfWeek to = range.length == 2 ? day(range[1]) : from;
            if (to.compareTo(from) < 0) {
                throw new IllegalArgumentException(Messages.format("rulesText.backwards", part));
            }
            days.addAll(EnumSet.range(from, to));
        }
        return List.copyOf(days);
    }

    private static DayOfWeek day(String text) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (text.length() >= 2 && d.name().toLowerCase(Locale.ROOT).startsWith(text)) {
                return d;
            }
        }
        throw new IllegalArgumentException(Messages.format("rulesText.notDay", text));
    }

    public static String breaks(List<PlantRules.Break> breaks) {
        return breaks.stream().map(b -> b.name() + " " + b.start() + "-" + b.end()).collect(Collectors.joining(", "));
    }

    /** "Break 09:30-09:45, Lunch 12:00-12:30"; the name may be left out. Times are checked by {@link PlantRulesCheck}. */
    public static List<PlantRules.Break> parseBreaks(String text) {
        List<PlantRules.Break> breaks = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int space = p.lastIndexOf(' ');
            String times = p.substring(space + 1);
            String name = space < 0 ? "Break" : p.substring(0, space).strip();
            String[] ends = times.split("-", 2);
            if (ends.length != 2) {
                throw new IllegalArgumentException(Messages.format("rulesText.break", p));
            }
            breaks.add(new PlantRules.Break(name, ends[0], ends[1]));
        }
        return breaks;
    }

    public static String steps(List<PlantRules.Step> steps) {
        return steps.stream().map(s -> s.afterMinutes() + " min " + s.calls()).collect(Collectors.joining("; "));
    }

    /** "0 min line lead; 5 min shift supervisor; 15 min plant manager", level 1 first. */
    public static List<PlantRules.Step> parseSteps(String text) {
        List<PlantRules.Step> steps = new ArrayList<>();
        for (String part : text.split(";")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            String[] words = p.split("\\s+", 2);
            try {
                int minutes = Integer.parseInt(words[0]);
                String who = words.length < 2 ? "" : words[1].replaceFirst("^min(utes?)?\\b\\s*", "");
                steps.add(new PlantRules.Step(minutes, who.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(Messages.format("rulesText.step", p));
            }
        }
        return steps;
    }

    /** The line ids of a planned window's "L1, L2" (empty: every line). */
    public static List<String> lineIds(String text) {
        return text == null ? List.of() : java.util.Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }
}
