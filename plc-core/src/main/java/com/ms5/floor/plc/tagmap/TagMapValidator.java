package com.ms5.floor.plc.tagmap;

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

    private static final String STATES = "give the state: RUNNING, DOWN, STARVED, BLOCKED, PLANNED_STOP or CHANGEOVER";

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
            p.add(new Problem("plant", "give the plant a name"));
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
            require(p, blank(line.id()) == null && lineIds.add(line.id()), at + ".id", "missing or used twice");
            for (int m = 0; m < line.machines().size(); m++) {
                machine(p, at + ".machines[" + m + "]", line.machines().get(m), map, machineIds);
            }
        }
        return p;
    }

    private static void connection(List<Problem> p, String at, TagMap.Connection c, Set<String> ids) {
        require(p, blank(c.id()) == null && ids.add(c.id()), at + ".id", "missing or used twice");
        require(p, c.driver() != null, at + ".driver", "must be 'logix' or 'ab-eth'");
        require(p, blank(c.host()) == null, at + ".host", "give the controller's IP address or host name");
        require(p, c.port() > 0 && c.port() <= 65535, at + ".port",
                "must be 1-65535 (EtherNet/IP uses 44818, CSP 2222), was " + c.port());
        if (c.driver() == Driver.AB_ETH) {
            require(p, c.slot() >= 0 && c.slot() <= 255, at + ".slot", "the SLC station number is 0-255, was " + c.slot());
        } else {
            require(p, c.slot() >= 0 && c.slot() <= 31, at + ".slot", "the controller's slot is 0-31, was " + c.slot());
        }
        require(p, !c.scanClasses().isEmpty(), at + ".scanClasses", "define at least one scan class, e.g. fast = 100 ms");
        Set<String> names = new HashSet<>();
        for (int s = 0; s < c.scanClasses().size(); s++) {
            TagMap.ScanClass scan = c.scanClasses().get(s);
            require(p, blank(scan.name()) == null && names.add(scan.name()), at + ".scanClasses[" + s + "].name",
                    "missing or used twice");
            require(p, scan.periodMillis() >= MIN_SCAN_MILLIS, at + ".scanClasses[" + s + "].periodMillis",
                    "must be at least " + MIN_SCAN_MILLIS + " ms, was " + scan.periodMillis());
        }
    }

    private static void machine(List<Problem> p, String at, TagMap.Machine m, TagMap map, Set<String> ids) {
        require(p, blank(m.id()) == null && ids.add(m.id()), at + ".id", "missing or used twice");
        TagMap.Connection connection = m.connection() == null ? null : map.connection(m.connection()).orElse(null);
        require(p, connection != null, at + ".connection", "'" + m.connection() + "' is not one of the connections");
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
                        "a custom tag needs a name of letters, digits and _, unique within the machine");
            } else {
                require(p, roles.add(binding.role()), bat + ".role", binding.role() + " is bound twice on this machine");
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
                signal(p, where, m, signal, rule.word() != null ? "its state word" : "a state condition");
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
            require(p, !rule.word().isBlank(), at + ".word", "name the tag that holds the state word");
            require(p, rule.conditions().isEmpty(), at + ".conditions",
                    "a rule reads a state word or conditions, not both: remove one");
            require(p, !rule.values().isEmpty(), at + ".values", "say what the state word's values mean, e.g. 1 = RUNNING");
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < rule.values().size(); i++) {
                StateRule.WordValue v = rule.values().get(i);
                require(p, seen.add(v.value()), at + ".values[" + i + "].value", v.value() + " is listed twice");
                require(p, v.state() != null, at + ".values[" + i + "].state", STATES);
            }
        } else {
            require(p, !rule.conditions().isEmpty(), at + ".conditions",
                    "list the conditions in priority order (e.g. Faulted = DOWN), or name a state word");
            for (int i = 0; i < rule.conditions().size(); i++) {
                StateRule.Condition c = rule.conditions().get(i);
                require(p, blank(c.signal()) == null, at + ".conditions[" + i + "].signal", "name the tag it reads");
                require(p, c.bit() == null || c.bit() >= 0 && c.bit() <= 31, at + ".conditions[" + i + "].bit",
                        "a bit of a word is 0-31, was " + c.bit());
                require(p, c.state() != null, at + ".conditions[" + i + "].state", STATES);
            }
        }
    }

    private static void andonSignals(List<Problem> p, String at, List<AndonSignal> signals) {
        Set<String> calls = new HashSet<>();
        for (int i = 0; i < signals.size(); i++) {
            AndonSignal a = signals.get(i);
            require(p, blank(a.signal()) == null, at + "[" + i + "].signal", "name the tag that raises the call");
            require(p, a.bit() == null || a.bit() >= 0 && a.bit() <= 31, at + "[" + i + "].bit",
                    "a bit of a word is 0-31, was " + a.bit());
            require(p, blank(a.call()) == null && calls.add(a.call()), at + "[" + i + "].call",
                    "name the call type it raises (maintenance, quality, material, safety...), each once");
        }
    }

    /** A signal a rule reads must be one of the machine's integer or BOOL bindings. */
    private static void signal(List<Problem> p, String at, TagMap.Machine m, String signal, String usedBy) {
        if (signal == null || signal.isBlank()) {
            return; // the rule's own check said so
        }
        TagMap.Binding b = m.signal(signal).orElse(null);
        if (b == null) {
            p.add(new Problem(at, usedBy + " reads '" + signal + "', which " + m.id()
                    + " does not bind: add a tag named " + signal + ", or give the machine its own rule"));
        } else if (b.type() != null && b.type() != DataType.BOOL && !b.type().isInteger()) {
            p.add(new Problem(at, usedBy + " reads '" + signal + "', a " + b.type() + ": it must be a BOOL or an integer"));
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
                    "'" + b.scanClass() + "' is not a scan class of connection " + connection.id());
        }
        if (b.type() != null && b.role() != null) {
            String fit = roleFits(b.role(), b.type());
            if (fit != null) {
                p.add(new Problem(at + ".type", fit));
            }
        }
        if (b.scaling() != null) {
            require(p, b.type() != null && b.type().isNumeric(), at + ".scaling", "only numbers can be scaled");
            require(p, b.scaling().rawHigh() != b.scaling().rawLow(), at + ".scaling",
                    "rawLow and rawHigh are equal, so scaling would divide by zero");
            require(p, b.role() == null || !b.role().isCounter(), at + ".scaling",
                    "counters are not scaled: the count is what the PLC counted");
        }
        require(p, b.deadband() >= 0 && Double.isFinite(b.deadband()), at + ".deadband", "must be 0 or more");
    }

    private static String roleFits(Role role, DataType type) {
        return switch (role) {
            case RUNNING -> type == DataType.BOOL || type.isInteger() ? null : "the running bit is a BOOL or an integer";
            case SPEED -> type.isNumeric() ? null : "speed is a number";
            case PRODUCT_ID, JOB_ID, CUSTOM -> null;
            default -> type.isInteger() ? null : role + " is an integer (SINT, INT, DINT or LINT), not " + type;
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
