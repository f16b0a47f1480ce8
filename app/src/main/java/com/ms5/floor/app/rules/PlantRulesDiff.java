package com.ms5.floor.app.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changed between two sets of plant rules, one line per change, as a version list shows it:
 * "fault code 101 reason: fault-101 -> jam-infeed", "shift Early start: 06:00 -> 05:30".
 */
public final class PlantRulesDiff {
    private PlantRulesDiff() {
    }

    public static List<String> between(PlantRules before, PlantRules after) {
        List<String> d = new ArrayList<>();
        field(d, "time zone", before.timeZone(), after.timeZone());
        field(d, "holidays", String.join(", ", before.holidays()), String.join(", ", after.holidays()));
        compare(d, "reason", before.reasons(), after.reasons(), PlantRules.Reason::id, r -> fields(
                "name", r.name(), "parent", r.parent(), "category", r.category(), "retired", r.retired()));
        compare(d, "fault code", before.faultCodes(), after.faultCodes(), f -> String.valueOf(f.code()), f -> fields(
                "text", f.text(), "reason", f.reason()));
        compare(d, "shift", before.shifts(), after.shifts(), PlantRules.Shift::name, s -> fields(
                "start", s.start(), "end", s.end(), "days", RulesText.days(s.days()), "breaks", RulesText.breaks(s.breaks())));
        compare(d, "product", before.products(), after.products(), p -> String.valueOf(p.id()), p -> fields(
                "name", p.name()));
        compare(d, "ideal cycle of", before.cycles(), after.cycles(), PlantRules.MachineCycle::machine, c -> {
            Map<String, Object> f = fields("default", c.idealSeconds() + " s");
            new java.util.TreeMap<>(c.byProduct()).forEach((product, s) -> f.put("product " + product, s + " s"));
            f.put("micro-stop threshold", c.microStopSeconds() == null ? null : c.microStopSeconds() + " s");
            f.put("debounce", c.debounceSeconds() == null ? null : c.debounceSeconds() + " s");
            return f;
        });
        PlantRules.Figures fb = before.figures();
        PlantRules.Figures fa = after.figures();
        field(d, "OEE profile", fb.oeeProfile(), fa.oeeProfile());
        field(d, "micro-stop threshold", fb.microStopSeconds() + " s", fa.microStopSeconds() + " s");
        field(d, "debounce", fb.debounceSeconds() + " s", fa.debounceSeconds() + " s");
        compare(d, "planned window", before.plannedWindows(), after.plannedWindows(),
                w -> w.start() + " " + w.reason(), w -> fields("to", w.end(), "lines", w.lines()));
        field(d, "currency", before.costs().currency(), after.costs().currency());
        new java.util.TreeSet<>(union(before.costs().byLine().keySet(), after.costs().byLine().keySet())).forEach(line ->
                field(d, "cost per minute of line " + line, before.costs().byLine().get(line), after.costs().byLine().get(line)));
        for (com.ms5.floor.analytics.downtime.LossCategory c : com.ms5.floor.analytics.downtime.LossCategory.values()) {
            field(d, "cost per minute of " + c.label(), before.costs().byCategory().get(c), after.costs().byCategory().get(c));
        }
        compare(d, "Andon", before.callTypes(), after.callTypes(), PlantRules.CallRule::type, c -> {
            Map<String, Object> f = fields("label", c.label(), "priority", c.priority(), "escalates until",
                    c.untilResolved() ? "resolved" : "acknowledged");
            f.put("escalation", RulesText.steps(c.steps()));
            return f;
        });
        return d;
    }

    private static <T> void compare(List<String> d, String kind, List<T> before, List<T> after, Function<T, String> key,
                                    Function<T, Map<String, Object>> fields) {
        Map<String, T> was = index(before, key);
        Map<String, T> is = index(after, key);
        was.forEach((k, b) -> {
            T a = is.get(k);
            if (a == null) {
                d.add(kind + " " + k + " removed");
            } else if (!a.equals(b)) {
                Map<String, Object> fb = fields.apply(b);
                Map<String, Object> fa = fields.apply(a);
                java.util.Set<String> names = new java.util.LinkedHashSet<>(fb.keySet());
                names.addAll(fa.keySet());
                names.forEach(n -> field(d, kind + " " + k + " " + n, fb.get(n), fa.get(n)));
            }
        });
        is.forEach((k, a) -> {
            if (!was.containsKey(k)) {
                d.add(kind + " " + k + " added: " + fields.apply(a).entrySet().stream()
                        .filter(e -> e.getValue() != null && !String.valueOf(e.getValue()).isEmpty()
                                && !Boolean.FALSE.equals(e.getValue()))
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
            }
        });
    }

    private static void field(List<String> d, String what, Object before, Object after) {
        if (!Objects.equals(text(before), text(after))) {
            d.add(what + ": " + text(before) + " -> " + text(after));
        }
    }

    private static String text(Object value) {
        return value == null || String.valueOf(value).isEmpty() ? "(none)" : String.valueOf(value);
    }

    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> f = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            f.put((String) pairs[i], pairs[i + 1]);
        }
        return f;
    }

    private static <T> java.util.Set<T> union(java.util.Set<T> a, java.util.Set<T> b) {
        java.util.Set<T> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        Map<String, T> byKey = new LinkedHashMap<>();
        items.forEach(i -> byKey.putIfAbsent(key.apply(i), i));
        return byKey;
    }
}
