package com.ms5.floor.plc.tagmap;

import com.ms5.floor.plc.api.PlcText;
import com.ms5.floor.plc.api.AndonSignal;
import com.ms5.floor.plc.api.Role;
import com.ms5.floor.plc.api.StateRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every problem of a tag map, each with where it is, in words an engineer can act on. Used when a
 * file is loaded and by the engineering dialogs; a map with problems is never polled.
 */
public final class TagMapValidator {
    /** The shortest scan period; faster ones only load the controller. */
    static final long MIN_SCAN_MILLIS = 10;


    private TagMapValidator() {
    }

    /**
     * @param path where it is, as {@code lines[0].machines[2].bindings[1].address}
     */
    public record Problem(String path, String message) {
        @Override
        public String toString() {
            return path + ": " + message;
        }
    }

    public static List<Problem> problems(TagMap map) {
        List<Problem> p = new ArrayList<>();
        if (map.plant() == null || map.plant().isBlank()) {
            p.add(new Problem("plant", PlcText.get("tagmap.plantName")));
        }
        Set<String> connectionIds = new HashSet<>();
        for (int i = 0; i < map.connections().size(); i++) {
            connection(p, "connections[" + i + "]", map.connections().get(i), connectionIds);
        }
        if (map.state() != null) {
            stateRule(p, "state", map.state());
        }
        if (map.andon() != null) {
            andonSignals(p, "andon", map.andon());
        }
        Set<String> lineIds = new HashSet<>();
        Set<String> machineIds = new HashSet<>();
        for (int l = 0; l < map.lines().size(); l++) {
            TagMap.Line line = map.lines().get(l);
            String at = "lines[" + l + "]";
            require(p, blank(line.id()) == null && lineIds.add(line.id()), at + ".id", PlcText.get("tagmap.missingOrTwice"));
            for (int m = 0; m < line.machines().size(); m++) {
                machine(p, at + ".machines[" + m + "]", line.machines().get(m), map, machineIds);
            }
        }
        return p;
    }

    private static void connection(List<Problem> p, String at, TagMap.Connection c, Set<String> ids) {
        require(p, blank(c.id()) == null && ids.add(c.id()), at + ".id", PlcText.get("tagmap.missingOrTwice"));
        require(p, c.driver() != null, at + ".driver", PlcText.get("tagmap.driver"));
        require(p, blank(c.host()) == null, at + ".host", PlcText.get("tagmap.host"));
        require(p, c.port() > 0 && c.port() <= 65535, at + ".port",
                PlcText.format("tagmap.port", c.port()));
        if (c.driver() == Driver.AB_ETH) {
            require(p, c.slot() >= 0 && c.slot() <= 255, at + ".slot", PlcText.format("tagmap.slcStation", c.slot()));
        } else {
            require(p, c.slot() >= 0 && c.slot() <= 31, at + ".slot", PlcText.format("tagmap.slot", c.slot()));
        }
        require(p, !c.scanClasses().isEmpty(), at + ".scanClasses", PlcText.get("tagmap.scanClasses"));
        Set<String> names = new HashSet<>();
        for (int s = 0; s < c.scanClasses().size(); s++) {
            TagMap.ScanClass scan = c.scanClasses().get(s);
            require(p, blank(scan.name()) == null && names.add(scan.name()), at + ".scanClasses[" + s + "].name",
                    PlcText.get("tagmap.missingOrTwice"));
            require(p, scan.periodMillis() >= MIN_SCAN_MILLIS, at + ".scanClasses[" + s + "].periodMillis",
                    PlcText.format("tagmap.scanPeriod", MIN_SCAN_MILLIS, scan.periodMillis()));
        }
    }

    private static void machine(List<Problem> p, String at, TagMap.Machine m, TagMap map, Set<String> ids) {
        require(p, blank(m.id()) == null && ids.add(m.id()), at + ".id", PlcText.get("tagmap.missingOrTwice"));
        TagMap.Connection connection = m.connection() == null ? null : map.connection(m.connection()).orElse(null);
        require(p, connection != null, at + ".connection", PlcText.format("tagmap.noConnection", m.connection()));
        Set<Role> roles = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int b = 0; b < m.bindings().size(); b++) {
            TagMap.Binding binding = m.bindings().get(b);
            String bat = at + ".bindings[" + b + "]";
            if (binding.role() == null) {
                p.add(new Problem(bat + ".role", "missing"));
                continue;
            }
            if (binding.role() == Role.CUSTOM) {
                require(p, binding.name() != null && binding.name().matches("[A-Za-z][A-Za-z0-9_]*")
                        && names.add(binding.name()), bat + ".name",
                        PlcText.get("tagmap.customName"));
            } else {
                require(p, roles.add(binding.role()), bat + ".role", PlcText.format("tagmap.boundTwice", binding.role()));
            }
            binding(p, bat, binding, connection);
        }
        if (m.state() != null) {
            stateRule(p, at + ".state", m.state());
        }
        if (m.bindings().isEmpty()) {
            return; // a machine just added reads nothing yet: what its rules read is checked once it has tags
        }
        StateRule rule = map.stateRule(m);
        if (rule != null) {
            String where = m.state() != null ? at + ".state" : at;
            for (String signal : rule.signals()) {
                signal(p, where, m, signal, PlcText.get(rule.word() != null ? "tagmap.stateWordUser" : "tagmap.conditionUser"));
            }
        }
        if (m.andon() != null) {
            andonSignals(p, at + ".andon", m.andon());
        }
        if (m.andon() != null || map.andon() != null) {
            for (AndonSignal a : map.andonSignals(m)) {
                signal(p, m.andon() != null ? at + ".andon" : at, m, a.signal(), "the " + a.call() + " call");
            }
        }
    }

    /** A rule on its own: a word with its table, or conditions; bits of a 32-bit word; each value once. */
    private static void stateRule(List<Problem> p, String at, StateRule rule) {
        if (rule.word() != null) {
            require(p, !rule.word().isBlank(), at + ".word", PlcText.get("tagmap.nameWord"));
            require(p, rule.conditions().isEmpty(), at + ".conditions",
                    PlcText.get("tagmap.wordOrConditions"));
            require(p, !rule.values().isEmpty(), at + ".values", PlcText.get("tagmap.wordValues"));
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < rule.values().size(); i++) {
                StateRule.WordValue v = rule.values().get(i);
                require(p, seen.add(v.value()), at + ".values[" + i + "].value", PlcText.format("tagmap.listedTwice", v.value()));
                require(p, v.state() != null, at + ".values[" + i + "].state", PlcText.get("tagmap.states"));
            }
        } else {
            require(p, !rule.conditions().isEmpty(), at + ".conditions",
                    PlcText.get("tagmap.conditions"));
            for (int i = 0; i < rule.conditions().size(); i++) {
                StateRule.Condition c = rule.conditions().get(i);
                require(p, blank(c.signal()) == null, at + ".conditions[" + i + "].signal", PlcText.get("tagmap.conditionTag"));
                require(p, c.bit() == null || c.bit() >= 0 && c.bit() <= 31, at + ".conditions[" + i + "].bit",
                        PlcText.format("tagmap.bit", c.bit()));
                require(p, c.state() != null, at + ".conditions[" + i + "].state", PlcText.get("tagmap.states"));
            }
        }
    }

    private static void andonSignals(List<Problem> p, String at, List<AndonSignal> signals) {
        Set<String> calls = new HashSet<>();
        for (int i = 0; i < signals.size(); i++) {
            AndonSignal a = signals.get(i);
            require(p, blank(a.signal()) == null, at + "[" + i + "].signal", PlcText.get("tagmap.andonTag"));
            require(p, a.bit() == null || a.bit() >= 0 && a.bit() <= 31, at + "[" + i + "].bit",
                    PlcText.format("tagmap.bit", a.bit()));
            require(p, blank(a.call()) == null && calls.add(a.call()), at + "[" + i + "].call",
                    PlcText.get("tagmap.andonCall"));
        }
    }

    /** A signal a rule reads must be one of the machine's integer or BOOL bindings. */
    private static void signal(List<Problem> p, String at, TagMap.Machine m, String signal, String usedBy) {
        if (signal == null || signal.isBlank()) {
            return; // the rule's own check said so
        }
        TagMap.Binding b = m.signal(signal).orElse(null);
        if (b == null) {
            p.add(new Problem(at, PlcText.format("tagmap.signalUnbound", usedBy, signal, m.id(), signal)));
        } else if (b.type() != null && b.type() != DataType.BOOL && !b.type().isInteger()) {
            p.add(new Problem(at, PlcText.format("tagmap.signalType", usedBy, signal, b.type())));
        }
    }

    /** Checks one binding on its connection; also what the tag-map dialog calls field by field. */
    public static void binding(List<Problem> p, String at, TagMap.Binding b, TagMap.Connection connection) {
        if (connection != null && connection.driver() != null) {
            try {
                TagAddress.plc4x(connection.driver(), b.address(), b.type());
            } catch (TagAddress.InvalidAddressException e) {
                p.add(new Problem(at + (b.type() == null ? ".type" : ".address"), e.getMessage()));
            }
            require(p, b.scanClass() != null && connection.scanClass(b.scanClass()).isPresent(), at + ".scanClass",
                    PlcText.format("tagmap.scanClassOf", b.scanClass(), connection.id()));
        }
        if (b.type() != null && b.role() != null) {
            String fit = roleFits(b.role(), b.type());
            if (fit != null) {
                p.add(new Problem(at + ".type", fit));
            }
        }
        if (b.scaling() != null) {
            require(p, b.type() != null && b.type().isNumeric(), at + ".scaling", PlcText.get("tagmap.scaleNumbers"));
            require(p, b.scaling().rawHigh() != b.scaling().rawLow(), at + ".scaling",
                    PlcText.get("tagmap.scaleZero"));
            require(p, b.role() == null || !b.role().isCounter(), at + ".scaling",
                    PlcText.get("tagmap.scaleCounter"));
        }
        require(p, b.deadband() >= 0 && Double.isFinite(b.deadband()), at + ".deadband", PlcText.get("tagmap.deadband"));
    }

    private static String roleFits(Role role, DataType type) {
        return switch (role) {
            case RUNNING -> type == DataType.BOOL || type.isInteger() ? null : PlcText.get("tagmap.runningType");
            case SPEED -> type.isNumeric() ? null : PlcText.get("tagmap.speedType");
            case PRODUCT_ID, JOB_ID, CUSTOM -> null;
            default -> type.isInteger() ? null : PlcText.format("tagmap.integerType", role, type);
        };
    }

    private static void require(List<Problem> p, boolean ok, String path, String message) {
        if (!ok) {
            p.add(new Problem(path, message));
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? "" : null;
    }
}
