package com.ms5.floor.app.rules;

import com.ms5.floor.analytics.downtime.LossCategory;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;

/**
 * The plant's rules that the controls engineer keeps, one versioned document next to the tag map:
 * the downtime reason tree and which PLC fault code means which reason, the shift calendar, the
 * products with each machine's ideal cycle times, and how Andon calls are named, ranked and
 * escalated. Immutable; every edit makes a new one. Times of day are {@code HH:mm} text and dates
 * ISO text, so a wrong one becomes a {@link PlantRulesCheck} problem with its row, not a parse error.
 *
 * @param timeZone   the plant's time zone, as {@code Europe/Berlin}
 * @param holidays   days without shifts, {@code 2026-12-25}
 * @param cycles     ideal cycle times by machine; a machine without a row uses the station's default
 * @param callTypes  the four kinds of Andon call the PLC's Andon bits raise, with their escalation
 */
public record PlantRules(String timeZone, List<Reason> reasons, List<FaultCode> faultCodes, List<Shift> shifts,
                         List<String> holidays, List<Product> products, List<MachineCycle> cycles,
                         List<CallRule> callTypes) {

    /**
     * A downtime reason. Reasons are retired rather than deleted: past stops keep naming them.
     *
     * @param parent the parent reason's id, or null at the top
     */
    public record Reason(String id, String name, String parent, LossCategory category, boolean retired) {
    }

    /** What a PLC fault code means, and the reason its stops get without anyone choosing one (null: none). */
    public record FaultCode(long code, String text, String reason) {
    }

    /** A shift of the weekly pattern; one whose end is not after its start ends the next day. */
    public record Shift(String name, String start, String end, List<DayOfWeek> days, List<Break> breaks) {
        public Shift {
            days = List.copyOf(days);
            breaks = List.copyOf(breaks);
        }
    }

    public record Break(String name, String start, String end) {
    }

    /** A product by the id the PLC reports in its product tag. */
    public record Product(long id, String name) {
    }

    /**
     * @param idealSeconds the machine's ideal cycle time when the product has none of its own
     * @param byProduct    ideal cycle times by product id, where they differ
     */
    public record MachineCycle(String machine, double idealSeconds, Map<Long, Double> byProduct) {
        public MachineCycle {
            byProduct = Map.copyOf(byProduct);
        }
    }

    /**
     * One kind of Andon call and its escalation.
     *
     * @param type          {@code maintenance}, {@code quality}, {@code material} or {@code safety}
     * @param priority      lower comes first on the board
     * @param steps         who is called after how long, level 1 first
     * @param untilResolved false: escalation stops when someone acknowledges; true: when the condition clears
     */
    public record CallRule(String type, String label, int priority, List<Step> steps, boolean untilResolved) {
        public CallRule {
            steps = List.copyOf(steps);
        }
    }

    public record Step(int afterMinutes, String calls) {
    }

    public PlantRules {
        reasons = List.copyOf(reasons);
        faultCodes = List.copyOf(faultCodes);
        shifts = List.copyOf(shifts);
        holidays = List.copyOf(holidays);
        products = List.copyOf(products);
        cycles = List.copyOf(cycles);
        callTypes = List.copyOf(callTypes);
    }

    public PlantRules withReasons(List<Reason> next) {
        return new PlantRules(timeZone, next, faultCodes, shifts, holidays, products, cycles, callTypes);
    }

    public PlantRules withFaultCodes(List<FaultCode> next) {
        return new PlantRules(timeZone, reasons, next, shifts, holidays, products, cycles, callTypes);
    }

    public PlantRules withShifts(List<Shift> next) {
        return new PlantRules(timeZone, reasons, faultCodes, next, holidays, products, cycles, callTypes);
    }

    public PlantRules withCalendar(String zone, List<String> days) {
        return new PlantRules(zone, reasons, faultCodes, shifts, days, products, cycles, callTypes);
    }

    public PlantRules withProducts(List<Product> next) {
        return new PlantRules(timeZone, reasons, faultCodes, shifts, holidays, next, cycles, callTypes);
    }

    public PlantRules withCycles(List<MachineCycle> next) {
        return new PlantRules(timeZone, reasons, faultCodes, shifts, holidays, products, next, callTypes);
    }

    public PlantRules withCallTypes(List<CallRule> next) {
        return new PlantRules(timeZone, reasons, faultCodes, shifts, holidays, products, cycles, next);
    }
}
