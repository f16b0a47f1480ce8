package com.ms5.floor.plc.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A PLC signal that raises an Andon call while it is set: a BOOL, or a bit of a word.
 *
 * @param signal a role's key ({@code andon}) or a custom binding's name, as in {@link StateRule}
 * @param bit    the bit of a word (0 = least significant), or {@code null} for the whole value non-zero
 * @param call   the call type it raises ({@code maintenance}, {@code quality}, ... as the rules name them)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AndonSignal(String signal, Integer bit, String call) {
    /** MS5's own Andon word, which a tag map without Andon signals means: bit 0 maintenance, 1 quality, 2 material, 3 safety. */
    public static final List<AndonSignal> MS5_ANDON_WORD = List.of(
            new AndonSignal(Role.ANDON.key(), 0, "maintenance"), new AndonSignal(Role.ANDON.key(), 1, "quality"),
            new AndonSignal(Role.ANDON.key(), 2, "material"), new AndonSignal(Role.ANDON.key(), 3, "safety"));

    /** "andon bit 2 raises material". */
    public String describe() {
        return signal + (bit == null ? "" : " bit " + bit) + " raises " + call;
    }

    /** Signals as {@link #describe} writes them, separated by commas. */
    public static String describeAll(List<AndonSignal> signals) {
        return String.join(", ", signals.stream().map(AndonSignal::describe).toList());
    }

    /**
     * Reads "andon bit 0 raises maintenance, CallQuality raises quality", as {@link #describeAll} writes it.
     *
     * @throws IllegalArgumentException saying which part is wrong and how to write it
     */
    public static List<AndonSignal> parseAll(String text) {
        List<AndonSignal> signals = new java.util.ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            String[] raises = p.split("\\s+raises\\s+", 2);
            if (raises.length < 2 || raises[1].isBlank()) {
                throw new IllegalArgumentException(PlcText.format("andon.noCall", p));
            }
            String[] signal = StateRule.signalAndBit(raises[0], "andon bit 0 raises maintenance");
            signals.add(new AndonSignal(signal[0], StateRule.bit(signal, "andon bit 0 raises maintenance"), raises[1].strip()));
        }
        return signals;
    }

    public boolean holds(long value) {
        return StateRule.isSet(value, bit);
    }
}
