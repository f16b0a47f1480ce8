package com.ms5.floor.app.rules;

import com.ms5.floor.analytics.downtime.LossCategory;
import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param figures    how stops and OEE are counted plant-wide; a machine's cycle row may set its own thresholds
 * @param plannedWindows planned stops of some lines or the whole plant (maintenance, meetings, no orders)
 * @param costs      what a minute of downtime costs
 */
public record PlantRules(String timeZone, List<Reason> reasons, List<FaultCode> faultCodes, List<Shift> shifts,
                         List<String> holidays, List<Product> products, List<MachineCycle> cycles,
                         List<CallRule> callTypes, Figures figures, List<PlannedWindow> plannedWindows, Costs costs) {

    /**
     * A planned stop: its time counts as planned for the machines of its lines that stop in it.
     *
     * @param lines  line ids separated by commas, or empty for every line
     * @param start  local date and time in the plant's zone, {@code 2026-12-08 10:00}
     * @param end    the same, after {@code start}
     * @param reason what it is for, as the timeline shows it ("Team meeting")
     */
    public record PlannedWindow(String lines, String start, String end, String reason) {
    }

    /**
     * What a minute of downtime costs, for sorting losses by money.
     *
     * @param currency   how amounts are shown ({@code EUR}, {@code $})
     * @param byLine     cost per minute by line id; a line without one costs nothing
     * @param byCategory cost per minute by loss category, which replaces the line's for its stops
     */
    public record Costs(String currency, Map<String, Double> byLine, Map<LossCategory, Double> byCategory) {
        public static final Costs NONE = new Costs("", Map.of(), Map.of());

        public Costs {
            currency = currency == null ? "" : currency;
            byLine = byLine == null ? Map.of() : Map.copyOf(byLine);
            byCategory = byCategory == null ? Map.of() : Map.copyOf(byCategory);
        }
    }

    /**
     * How the plant counts its figures.
     *
     * @param oeeProfile       {@code ISO_22400} (planned stops excluded) or {@code PLANNED_STOPS_AS_LOSS}
     * @param microStopSeconds stops shorter than this are micro-stops (a speed loss, no reason asked)
     * @param debounceSeconds  state changes shorter than this are merged into the state around them
     */
    public record Figures(String oeeProfile, int microStopSeconds, int debounceSeconds) {
        /** ISO 22400-2, 2-minute micro-stops, 3 s debounce (analytics' defaults). */
        public static final Figures DEFAULT = new Figures("ISO_22400", 120, 3);
    }

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
     * @param idealSeconds     the machine's ideal cycle time when the product has none of its own
     * @param byProduct        ideal cycle times by product id, where they differ
     * @param microStopSeconds its own micro-stop threshold, or null for the plant's
     * @param debounceSeconds  its own debounce, or null for the plant's
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MachineCycle(String machine, double idealSeconds, Map<Long, Double> byProduct,
                               Integer microStopSeconds, Integer debounceSeconds) {
        public MachineCycle {
            byProduct = Map.copyOf(byProduct);
        }

        public MachineCycle(String machine, double idealSeconds, Map<Long, Double> byProduct) {
            this(machine, idealSeconds, byProduct, null, null);
        }

        public MachineCycle withCycles(double seconds, Map<Long, Double> newByProduct) {
            return new MachineCycle(machine, seconds, newByProduct, microStopSeconds, debounceSeconds);
        }

        public MachineCycle withThresholds(Integer microStop, Integer debounce) {
            return new MachineCycle(machine, idealSeconds, byProduct, microStop, debounce);
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
        if (figures == null) {
            figures = Figures.DEFAULT; // rules stored before the plant could choose
        }
        plannedWindows = plannedWindows == null ? List.of() : List.copyOf(plannedWindows);
        if (costs == null) {
            costs = Costs.NONE;
        }
    }

    public PlantRules withReasons(List<Reason> next) {
        return new PlantRules(timeZone, next, faultCodes, shifts, holidays, products, cycles, callTypes, figures, plannedWindows, costs);
    }

    public PlantRules withFaultCodes(List<FaultCode> next) {
        return new PlantRules(timeZone, reasons, next, shifts, holidays, products, cycles, callTypes, figures, plannedWindows, costs);
    }

    public PlantRules withShifts(List<Shift> next) {
        return new PlantRules(timeZone, reasons, faultCodes, next, holidays, products, cycles, callTypes, figures, plannedWindows, costs);
    }

    public PlantRules withCalendar(String zone, List<String> days) {
        return new PlantRules(zone, reasons, faultCodes, shifts, days, products, cycles, callTypes, figures, plannedWindows, costs);
    }

    public PlantRules withProducts(List<Product> next) {
        return new PlantRules(timeZone, reasons, faultCodes, shifts, holidays, next, cycles, callTypes, figures, plannedWindows, costs);
    }

    public PlantRules withCycles(List<MachineCycle> next) {
        return new PlantRules(timeZone, reasons, faultCodes, shifts, holidays, products, next, callTypes, figures, plannedWindows, costs);
    }

    public PlantRules withFigures(Figures next) {
        return new PlantRules(timeZone, reasons, faultCodes, shifts, holidays, products, cycles, callTypes, next, plannedWindows, costs);
    }

    public PlantRules withCallTypes(List<CallRule> next) {
        return new PlantRules(timeZone, reasons, faultCodes, shifts, holidays, products, cycles, next, figures, plannedWindows, costs);
    }

    public PlantRules withPlannedWindows(List<PlannedWindow> next) {
        return new PlantRules(timeZone, reasons, faultCodes, shifts, holidays, products, cycles, callTypes, figures, next, costs);
    }

    public PlantRules withCosts(Costs next) {
        return new PlantRules(timeZone, reasons, faultCodes, shifts, holidays, products, cycles, callTypes, figures,
                plannedWindows, next);
    }
}
