package com.ms5.floor.plc.tagmap;

import com.ms5.floor.plc.api.AndonSignal;
import com.ms5.floor.plc.api.StateRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed between two tag maps, one line per change, in words an engineer reads in a version
 * list: "L1-FILLER TOTAL_COUNT: address L1_Filler.Total -> L1_Filler.TotalCount".
 */
public final class TagMapDiff {
    private TagMapDiff() {
    }

    public static List<String> between(TagMap before, TagMap after) {
        List<String> changes = new ArrayList<>();
        change(changes, "plant name", before.plant(), after.plant());
        change(changes, "plant state rule", rule(before.state(), STANDARD), rule(after.state(), STANDARD));
        change(changes, "plant Andon signals", andon(before.andon(), STANDARD), andon(after.andon(), STANDARD));
        compare(changes, index(before.connections(), TagMap.Connection::id), index(after.connections(), TagMap.Connection::id),
                "connection", TagMapDiff::connection);
        compare(changes, index(before.lines(), TagMap.Line::id), index(after.lines(), TagMap.Line::id), "line",
                (d, id, b, a) -> {
                    change(d, "line " + id + " name", b.name(), a.name());
                    List<String> orderBefore = b.machines().stream().map(TagMap.Machine::id).toList();
                    List<String> orderAfter = a.machines().stream().map(TagMap.Machine::id).toList();
                    if (new java.util.HashSet<>(orderBefore).equals(new java.util.HashSet<>(orderAfter))) {
                        change(d, "line " + id + " order", orderBefore, orderAfter);
                    }
                });
        Map<String, String> lineBefore = lineOf(before);
        Map<String, String> lineAfter = lineOf(after);
        compare(changes, index(before.machines(), TagMap.Machine::id), index(after.machines(), TagMap.Machine::id), "machine",
                (d, id, b, a) -> {
                    change(d, id + " name", b.name(), a.name());
                    change(d, id + " connection", b.connection(), a.connection());
                    change(d, id + " state rule", rule(b.state(), PLANT), rule(a.state(), PLANT));
                    change(d, id + " Andon signals", andon(b.andon(), PLANT), andon(a.andon(), PLANT));
                    compare(d, index(b.bindings(), TagMapDiff::key), index(a.bindings(), TagMapDiff::key), id,
                            (dd, key, bb, ab) -> binding(dd, id + " " + key, bb, ab));
                });
        lineBefore.forEach((id, line) -> {
            if (lineAfter.containsKey(id)) {
                change(changes, id + " line", line, lineAfter.get(id)); // a moved machine is equal, its line is not
            }
        });
        return changes;
    }

    private interface Same<T> {
        void compare(List<String> changes, String id, T before, T after);
    }

    private static <T> void compare(List<String> changes, Map<String, T> before, Map<String, T> after, String what,
                                    Same<T> same) {
        before.forEach((id, b) -> {
            T a = after.get(id);
            if (a == null) {
                changes.add(what + " " + id + " removed");
            } else if (!a.equals(b)) {
                same.compare(changes, id, b, a);
            }
        });
        after.keySet().stream().filter(id -> !before.containsKey(id)).forEach(id -> changes.add(what + " " + id + " added"
                + (after.get(id) instanceof TagMap.Binding b ? ": " + b.address() + " (" + b.type() + ")" : "")));
    }

    private static void connection(List<String> d, String id, TagMap.Connection b, TagMap.Connection a) {
        change(d, "connection " + id + " driver", b.driver(), a.driver());
        change(d, "connection " + id + " host", b.host(), a.host());
        change(d, "connection " + id + " port", b.port(), a.port());
        change(d, "connection " + id + " slot", b.slot(), a.slot());
        compare(d, index(b.scanClasses(), TagMap.ScanClass::name), index(a.scanClasses(), TagMap.ScanClass::name),
                "connection " + id + " scan class", (dd, name, bs, as) -> change(dd, "connection " + id + " scan class "
                        + name, bs.periodMillis() + " ms", as.periodMillis() + " ms"));
    }

    private static void binding(List<String> d, String at, TagMap.Binding b, TagMap.Binding a) {
        change(d, at + ": address", b.address(), a.address());
        change(d, at + ": type", b.type(), a.type());
        change(d, at + ": scan class", b.scanClass(), a.scanClass());
        change(d, at + ": deadband", b.deadband(), a.deadband());
        change(d, at + ": scaling", scaling(b.scaling()), scaling(a.scaling()));
    }

    private static final String STANDARD = "MS5's standard";
    private static final String PLANT = "the plant's";

    private static String rule(StateRule rule, String whenNone) {
        return rule == null ? whenNone : rule.describe();
    }

    private static String andon(List<AndonSignal> signals, String whenNone) {
        return signals == null ? whenNone : signals.isEmpty() ? "none"
                : String.join(", ", signals.stream().map(AndonSignal::describe).toList());
    }

    private static String scaling(TagMap.Scaling s) {
        return s == null ? "none" : s.rawLow() + ".." + s.rawHigh() + " -> " + s.engLow() + ".." + s.engHigh();
    }

    private static String key(TagMap.Binding b) {
        return b.role() == com.ms5.floor.plc.api.Role.CUSTOM ? "custom " + b.name() : String.valueOf(b.role());
    }

    private static void change(List<String> changes, String what, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(what + ": " + before + " -> " + after);
        }
    }

    private static Map<String, String> lineOf(TagMap map) {
        Map<String, String> lines = new LinkedHashMap<>();
        map.lines().forEach(l -> l.machines().forEach(m -> lines.put(m.id(), l.id())));
        return lines;
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(i -> map.putIfAbsent(key.apply(i), i));
        return map;
    }
}
