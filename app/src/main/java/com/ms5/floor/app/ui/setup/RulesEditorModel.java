package com.ms5.floor.app.ui.setup;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.analytics.downtime.LossCategory;
import com.ms5.floor.app.rules.PlantRules;
import com.ms5.floor.app.rules.PlantRulesCheck;
import com.ms5.floor.app.rules.PlantRulesDiff;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The plant rules being edited (undo, redo and the stored base in {@link EditHistory}), checked
 * by {@link PlantRulesCheck} after each edit. Each table of the Rules tab is one {@link Part} of
 * the document, edited row by row. FX thread only.
 */
final class RulesEditorModel extends EditHistory<PlantRules> {
    /** One list of the rules: where its problems are filed, how to read it and how to replace it. */
    record Part<R>(PlantRulesCheck.Section section, Function<PlantRules, List<R>> list,
                   BiFunction<PlantRules, List<R>, PlantRules> with) {
    }

    static final Part<PlantRules.Reason> REASONS = new Part<>(PlantRulesCheck.Section.REASONS, PlantRules::reasons,
            PlantRules::withReasons);
    static final Part<PlantRules.FaultCode> FAULT_CODES = new Part<>(PlantRulesCheck.Section.FAULT_CODES,
            PlantRules::faultCodes, PlantRules::withFaultCodes);
    static final Part<PlantRules.Shift> SHIFTS = new Part<>(PlantRulesCheck.Section.SHIFTS, PlantRules::shifts,
            PlantRules::withShifts);
    static final Part<PlantRules.Product> PRODUCTS = new Part<>(PlantRulesCheck.Section.PRODUCTS, PlantRules::products,
            PlantRules::withProducts);
    static final Part<PlantRules.MachineCycle> CYCLES = new Part<>(PlantRulesCheck.Section.CYCLES, PlantRules::cycles,
            PlantRules::withCycles);
    static final Part<PlantRules.CallRule> CALL_TYPES = new Part<>(PlantRulesCheck.Section.CALL_TYPES,
            PlantRules::callTypes, PlantRules::withCallTypes);

    static final Part<PlantRules.PlannedWindow> PLANNED_WINDOWS = new Part<>(PlantRulesCheck.Section.PLANNED_WINDOWS,
            PlantRules::plannedWindows, PlantRules::withPlannedWindows);

    private List<PlantRulesCheck.Problem> problems;

    RulesEditorModel(PlantRules saved, int version) {
        super(saved, version);
        problems = PlantRulesCheck.problems(saved);
    }

    @Override
    void validate() {
        problems = PlantRulesCheck.problems(current());
    }

    List<PlantRulesCheck.Problem> problems() {
        return problems;
    }

    /** The problems of one part, by row ("field: message"; several joined). */
    Map<Integer, String> problems(PlantRulesCheck.Section section) {
        return problems.stream().filter(p -> p.section() == section && p.row() >= 0).collect(Collectors.toMap(
                PlantRulesCheck.Problem::row, p -> p.field() + ": " + p.message(), (a, b) -> a + "; " + b));
    }

    /** What would be stored, one line per change. */
    List<String> pendingChanges() {
        return PlantRulesDiff.between(saved(), current());
    }

    <R> void set(Part<R> part, int row, R item) {
        List<R> list = new ArrayList<>(part.list().apply(current()));
        list.set(row, item);
        replace(part.with().apply(current(), list));
    }

    <R> void add(Part<R> part, R item) {
        List<R> list = new ArrayList<>(part.list().apply(current()));
        list.add(item);
        replace(part.with().apply(current(), list));
    }

    <R> void remove(Part<R> part, List<Integer> rows) {
        List<R> list = new ArrayList<>(part.list().apply(current()));
        rows.stream().sorted((a, b) -> b - a).forEach(i -> list.remove((int) i));
        replace(part.with().apply(current(), list));
    }

    /** A new reason at the top of the tree, with an id not used yet. */
    void addReason() {
        Set<String> ids = current().reasons().stream().map(PlantRules.Reason::id).collect(Collectors.toSet());
        int n = 1;
        while (ids.contains("reason-" + n)) {
            n++;
        }
        add(REASONS, new PlantRules.Reason("reason-" + n, Messages.get("rules.newReason"), null, LossCategory.BREAKDOWN, false));
    }

    /**
     * Removes reasons added since the last save; a stored reason is retired instead, since stops
     * already recorded with it must keep their reason.
     */
    void removeReasons(List<Integer> rows) {
        Set<String> stored = saved().reasons().stream().map(PlantRules.Reason::id).collect(Collectors.toSet());
        List<PlantRules.Reason> list = new ArrayList<>();
        List<PlantRules.Reason> reasons = current().reasons();
        for (int i = 0; i < reasons.size(); i++) {
            PlantRules.Reason r = reasons.get(i);
            if (!rows.contains(i)) {
                list.add(r);
            } else if (stored.contains(r.id())) {
                list.add(new PlantRules.Reason(r.id(), r.name(), r.parent(), r.category(), true));
            }
        }
        replace(current().withReasons(list));
    }

    void addFaultCode() {
        long next = current().faultCodes().stream().mapToLong(PlantRules.FaultCode::code).max().orElse(0) + 1;
        add(FAULT_CODES, new PlantRules.FaultCode(next, "", null));
    }

    void addShift() {
        add(SHIFTS, new PlantRules.Shift(Messages.format("rules.newShift", current().shifts().size() + 1), "", "",
                List.of(java.time.DayOfWeek.values()), List.of()));
    }

    /** How the plant counts: its OEE profile, and its micro-stop threshold and debounce ({@code null}: the default). */
    void setFigures(String oeeProfile, Integer microStopSeconds, Integer debounceSeconds) {
        PlantRules.Figures defaults = PlantRules.Figures.DEFAULT;
        replace(current().withFigures(new PlantRules.Figures(oeeProfile,
                microStopSeconds == null ? defaults.microStopSeconds() : microStopSeconds,
                debounceSeconds == null ? defaults.debounceSeconds() : debounceSeconds)));
    }

    void setCurrency(String currency) {
        PlantRules.Costs c = current().costs();
        replace(current().withCosts(new PlantRules.Costs(currency, c.byLine(), c.byCategory())));
    }

    /** A line's cost per downtime minute ({@code null}: none). */
    void setLineCost(String lineId, Double perMinute) {
        PlantRules.Costs c = current().costs();
        Map<String, Double> byLine = new HashMap<>(c.byLine());
        byLine.remove(lineId);
        if (perMinute != null) {
            byLine.put(lineId, perMinute);
        }
        replace(current().withCosts(new PlantRules.Costs(c.currency(), byLine, c.byCategory())));
    }

    /** A loss category's cost per downtime minute, replacing the line's for its stops ({@code null}: the line's). */
    void setCategoryCost(LossCategory category, Double perMinute) {
        PlantRules.Costs c = current().costs();
        Map<LossCategory, Double> byCategory = new java.util.EnumMap<>(LossCategory.class);
        byCategory.putAll(c.byCategory());
        byCategory.remove(category);
        if (perMinute != null) {
            byCategory.put(category, perMinute);
        }
        replace(current().withCosts(new PlantRules.Costs(c.currency(), c.byLine(), byCategory)));
    }

    /** A one-hour planned stop of the whole plant tomorrow at this hour, to be edited. */
    void addPlannedWindow(java.time.LocalDateTime now) {
        java.time.LocalDateTime start = now.plusDays(1).withMinute(0).withSecond(0).withNano(0);
        add(PLANNED_WINDOWS, new PlantRules.PlannedWindow("", start.format(PlantRulesCheck.WINDOW_TIME),
                start.plusHours(1).format(PlantRulesCheck.WINDOW_TIME), Messages.get("rules.newWindow")));
    }

    void addProduct() {
        long next = current().products().stream().mapToLong(PlantRules.Product::id).max().orElse(0) + 1;
        add(PRODUCTS, new PlantRules.Product(next, Messages.get("rules.newProduct")));
    }

    /** Removes products, and every machine's cycle time for them. */
    void removeProducts(List<Integer> rows) {
        Set<Long> gone = rows.stream().map(i -> current().products().get(i).id()).collect(Collectors.toSet());
        PlantRules next = current();
        List<PlantRules.Product> products = new ArrayList<>(next.products());
        products.removeIf(p -> gone.contains(p.id()));
        List<PlantRules.MachineCycle> cycles = next.cycles().stream().map(c -> {
            Map<Long, Double> byProduct = new HashMap<>(c.byProduct());
            byProduct.keySet().removeAll(gone);
            return c.withCycles(c.idealSeconds(), byProduct);
        }).toList();
        replace(next.withProducts(products).withCycles(cycles));
    }

    /** The machine's cycle times as stored, or the station default if the rules have none for it. */
    PlantRules.MachineCycle cycle(String machine, double defaultSeconds) {
        return current().cycles().stream().filter(c -> c.machine().equals(machine)).findFirst()
                .orElse(new PlantRules.MachineCycle(machine, defaultSeconds, Map.of()));
    }

    /** Sets a machine's cycle times, adding its row to the rules if it had none. */
    void setCycle(PlantRules.MachineCycle cycle) {
        List<PlantRules.MachineCycle> cycles = new ArrayList<>(current().cycles());
        int at = cycles.stream().map(PlantRules.MachineCycle::machine).toList().indexOf(cycle.machine());
        if (at < 0) {
            cycles.add(cycle);
        } else {
            cycles.set(at, cycle);
        }
        replace(current().withCycles(cycles));
    }
}
