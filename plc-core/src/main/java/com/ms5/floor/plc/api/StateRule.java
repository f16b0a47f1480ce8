package com.ms5.floor.plc.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * How a machine's state is read from its PLC's tags, in the plant's own convention: either a
 * state word whose values a table names (any integers, several values to one state), or
 * conditions in priority order (a BOOL, a bit of a word, or a fault code being non-zero).
 *
 * <p>Signals are named as the machine's values are: a role's key ({@code state}, {@code running},
 * {@code faultCode}, {@code andon}) or a custom binding's name ({@code Faulted}).
 *
 * @param word       the signal holding the state word, or {@code null} for conditions
 * @param values     with a word: what its values mean
 * @param conditions without a word: the first that holds decides, in this order
 * @param otherwise  a word value the table does not list, or no condition holding
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record StateRule(String word, List<WordValue> values, List<Condition> conditions, PlcState otherwise) {
    /** A state word value and what it means. */
    public record WordValue(long value, PlcState state) {
    }

    /**
     * Holds when the signal is non-zero, or with {@code bit} (0 = least significant) when that bit is set.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Condition(String signal, Integer bit, PlcState state) {
        public boolean holds(long value) {
            return isSet(value, bit);
        }
    }

    /**
     * MS5's own state word, which a tag map without a rule means when it binds a state word:
     * 1 running, 2 stopped, 3 faulted, 4 starved, 5 blocked, 6 planned stop, 7 changeover; any
     * other value is down. (README, "Tag maps": state conventions.)
     */
    public static final StateRule MS5_STATE_WORD = word(Role.STATE.key(), PlcState.DOWN,
            new WordValue(1, PlcState.RUNNING), new WordValue(2, PlcState.DOWN), new WordValue(3, PlcState.DOWN),
            new WordValue(4, PlcState.STARVED), new WordValue(5, PlcState.BLOCKED),
            new WordValue(6, PlcState.PLANNED_STOP), new WordValue(7, PlcState.CHANGEOVER));

    /** Whether {@code value} is non-zero, or with {@code bit} whether that bit of it is set. */
    static boolean isSet(long value, Integer bit) {
        return bit == null ? value != 0 : (value >>> bit & 1) != 0;
    }

    public StateRule {
        values = List.copyOf(values == null ? List.of() : values);
        conditions = List.copyOf(conditions == null ? List.of() : conditions);
        if (otherwise == null) {
            otherwise = PlcState.DOWN;
        }
    }

    public static StateRule word(String signal, PlcState otherwise, WordValue... values) {
        return new StateRule(signal, List.of(values), List.of(), otherwise);
    }

    public static StateRule conditions(PlcState otherwise, Condition... conditions) {
        return new StateRule(null, List.of(), List.of(conditions), otherwise);
    }

    /** The rule in a line an engineer reads: "state word 'Status': 10 = Running, 20 = Down; otherwise Down". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (word != null) {
            values.forEach(v -> parts.add(v.value() + " = " + label(v.state())));
            return "state word '" + word + "': " + String.join(", ", parts) + "; otherwise " + label(otherwise);
        }
        conditions.forEach(c -> parts.add(c.signal() + (c.bit() == null ? "" : " bit " + c.bit()) + " = " + label(c.state())));
        return "first of " + String.join(", ", parts) + "; otherwise " + label(otherwise);
    }

    /**
     * Reads a rule as {@link #describe} writes it, so an engineer can type one:
     * {@code state word 'Status': 10 = Running, 20 = Down; otherwise Down} or
     * {@code first of Faulted = Down, Status bit 3 = Starved; otherwise Running}. The
     * "otherwise" part may be left out (Down).
     *
     * @throws IllegalArgumentException saying what is wrong and how to write it
     */
    public static StateRule parse(String text) {
        String t = text.strip();
        PlcState otherwise = PlcState.DOWN;
        int semicolon = t.lastIndexOf(';');
        if (semicolon >= 0) {
            String tail = t.substring(semicolon + 1).strip();
            if (!tail.toLowerCase(java.util.Locale.ROOT).startsWith("otherwise ")) {
                throw new IllegalArgumentException(PlcText.get("rule.otherwise"));
            }
            otherwise = PlcState.ofLabel(tail.substring("otherwise ".length()));
            t = t.substring(0, semicolon).strip();
        }
        java.util.regex.Matcher word = java.util.regex.Pattern.compile("(?i)state word\\s+'?([^':]+?)'?\\s*:(.*)").matcher(t);
        if (word.matches()) {
            List<WordValue> values = new ArrayList<>();
            for (String part : items(word.group(2), "value = state, e.g. 10 = Running")) {
                String[] pair = part.split("=", 2);
                try {
                    values.add(new WordValue(Long.parseLong(pair[0].strip()), PlcState.ofLabel(pair[1])));
                } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                    throw new IllegalArgumentException(PlcText.format("rule.valueState", part.strip()));
                }
            }
            return new StateRule(word.group(1).strip(), values, List.of(), otherwise);
        }
        java.util.regex.Matcher first = java.util.regex.Pattern.compile("(?i)first of(.*)").matcher(t);
        if (first.matches()) {
            List<Condition> conditions = new ArrayList<>();
            for (String part : items(first.group(1), "signal = state, e.g. Faulted = Down")) {
                String[] pair = part.split("=", 2);
                if (pair.length < 2) {
                    throw new IllegalArgumentException(PlcText.format("rule.signalState", part.strip()));
                }
                String[] signal = signalAndBit(pair[0], "Status bit 3 = Starved");
                conditions.add(new Condition(signal[0], bit(signal, "Status bit 3 = Starved"), PlcState.ofLabel(pair[1])));
            }
            return new StateRule(null, List.of(), conditions, otherwise);
        }
        throw new IllegalArgumentException(PlcText.get("rule.start"));
    }

    /** "Status bit 3" as its signal and bit text, "Faulted" as its signal alone; as {@link #describe} writes them. */
    static String[] signalAndBit(String text, String example) {
        String[] parts = text.strip().split("\\s+bit\\s+");
        if (parts.length > 2 || parts[0].isBlank()) {
            throw new IllegalArgumentException(PlcText.format("rule.signalBit", text.strip(), example));
        }
        return parts;
    }

    /** The bit of {@link #signalAndBit}'s answer, or {@code null} for the whole value. */
    static Integer bit(String[] signalAndBit, String example) {
        if (signalAndBit.length < 2) {
            return null;
        }
        try {
            return Integer.valueOf(signalAndBit[1].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PlcText.format("rule.noBit", signalAndBit[1].strip(), example));
        }
    }

    private static List<String> items(String text, String example) {
        List<String> items = java.util.Arrays.stream(text.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        if (items.isEmpty()) {
            throw new IllegalArgumentException(PlcText.format("rule.atLeastOne", example));
        }
        return items;
    }

    private static String label(PlcState state) {
        return state == null ? "?" : state.label();
    }

    /** The signals this rule reads. */
    public List<String> signals() {
        if (word != null) {
            return List.of(word);
        }
        List<String> signals = new ArrayList<>();
        conditions.forEach(c -> {
            if (!signals.contains(c.signal())) {
                signals.add(c.signal());
            }
        });
        return signals;
    }

    /** What a value of the state word means (a word rule only). */
    public PlcState stateOfWord(long v) {
        for (WordValue w : values) {
            if (w.value() == v) {
                return w.state();
            }
        }
        return otherwise;
    }

    /**
     * The state these values mean.
     *
     * @param value a signal's value now, or {@code null} if it has none (not read, or bad)
     * @return {@code null} if a signal the answer depends on has no value
     */
    public PlcState stateOf(Function<String, Long> value) {
        if (word != null) {
            Long v = value.apply(word);
            return v == null ? null : stateOfWord(v);
        }
        for (Condition c : conditions) {
            Long v = value.apply(c.signal());
            if (v == null) {
                return null;
            }
            if (c.holds(v)) {
                return c.state();
            }
        }
        return otherwise;
    }
}
