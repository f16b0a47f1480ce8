package com.ms5.floor.app.runtime;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.analytics.TimeRange;
import com.ms5.floor.analytics.andon.CallType;
import com.ms5.floor.analytics.andon.EscalationRule;
import com.ms5.floor.analytics.downtime.DowntimeCost;
import com.ms5.floor.analytics.downtime.FaultReasonMap;
import com.ms5.floor.analytics.downtime.ReasonTree;
import com.ms5.floor.analytics.oee.OeeProfile;
import com.ms5.floor.analytics.pipeline.PlantModel;
import com.ms5.floor.analytics.shift.ShiftCalendar;
import com.ms5.floor.analytics.shift.ShiftDefinition;
import com.ms5.floor.app.rules.PlantRules;
import com.ms5.floor.app.rules.PlantRulesCheck;
import com.ms5.floor.app.rules.RulesText;
import com.ms5.floor.app.rules.PlantRulesJson;
import com.ms5.floor.plc.tagmap.TagMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What analytics is told about the plant: the model (lines and machines from the tag map, ideal
 * cycle times from the rules), the shift calendar, the downtime reasons and fault-code table, and
 * the Andon call types with their escalation, all from one version of the {@link PlantRules}.
 */
record PlantSetup(PlantModel model, ShiftCalendar calendar, ReasonTree reasons, FaultReasonMap faults,
                  List<CallType> callTypes, List<EscalationRule> escalation, Map<String, String> names,
                  Map<Long, String> products, DowntimeCost cost) {
    static final Duration STALE_AFTER = Duration.ofSeconds(10);
    static final Duration RETENTION = Duration.ofDays(1);

    /**
     * @param rulesVersion the stored version the rules are (0: not stored yet); stops keep it with their reason
     * @param defaultCycle the ideal cycle time of a machine the rules give none
     */
    static PlantSetup of(TagMap map, PlantRules rules, int rulesVersion, double defaultCycle) {
        Map<String, PlantRules.MachineCycle> cycles = new HashMap<>();
        rules.cycles().forEach(c -> cycles.put(c.machine(), c));
        PlantRules.Figures figures = rules.figures();
        List<PlantModel.Line> lines = new ArrayList<>();
        for (TagMap.Line line : map.lines()) {
            lines.add(new PlantModel.Line(line.id(), line.machines().stream().map(m -> {
                PlantRules.MachineCycle c = cycles.getOrDefault(m.id(), new PlantRules.MachineCycle(m.id(), defaultCycle, Map.of()));
                int microStop = c.microStopSeconds() != null ? c.microStopSeconds() : figures.microStopSeconds();
                int debounce = c.debounceSeconds() != null ? c.debounceSeconds() : figures.debounceSeconds();
                return new PlantModel.Machine(m.id(), c.idealSeconds(), c.byProduct(), map.stateRule(m), map.andonSignals(m),
                        Duration.ofSeconds(microStop), Duration.ofSeconds(debounce));
            }).toList()));
        }
        ZoneId zone = ZoneId.of(rules.timeZone());
        List<ShiftDefinition> shifts = new ArrayList<>();
        for (PlantRules.Shift s : rules.shifts()) {
            shifts.add(new ShiftDefinition(s.name(), LocalTime.parse(s.start()), LocalTime.parse(s.end()),
                    Set.copyOf(s.days()), s.breaks().stream().map(b -> new ShiftDefinition.Break(b.name(),
                            LocalTime.parse(b.start()), LocalTime.parse(b.end()))).toList()));
        }
        Set<LocalDate> holidays = new HashSet<>();
        rules.holidays().forEach(d -> holidays.add(LocalDate.parse(d)));
        Map<Long, String> byCode = new HashMap<>();
        rules.faultCodes().stream().filter(f -> f.reason() != null && !f.reason().isEmpty())
                .forEach(f -> byCode.put(f.code(), f.reason()));
        List<CallType> types = new ArrayList<>();
        List<EscalationRule> escalation = new ArrayList<>();
        for (PlantRules.CallRule c : rules.callTypes()) {
            types.add(new CallType(c.type(), c.label(), c.priority()));
            List<EscalationRule.Step> steps = new ArrayList<>();
            for (int i = 0; i < c.steps().size(); i++) {
                steps.add(new EscalationRule.Step(i + 1, Duration.ofMinutes(c.steps().get(i).afterMinutes()),
                        c.steps().get(i).calls()));
            }
            escalation.add(new EscalationRule(c.type(), steps, c.untilResolved()));
        }
        return new PlantSetup(new PlantModel(lines, OeeProfile.valueOf(figures.oeeProfile()), STALE_AFTER, RETENTION),
                new ShiftCalendar(zone, shifts, holidays, plannedWindows(rules, zone)), reasonTree(rules),
                new FaultReasonMap(rulesVersion, Instant.EPOCH, "plant rules version " + rulesVersion, byCode),
                types, escalation, names(map), rules.products().stream().collect(java.util.stream.Collectors.toMap(
                        PlantRules.Product::id, PlantRules.Product::name, (a, b) -> a)),
                new DowntimeCost(rules.costs().currency(), rules.costs().byLine(), rules.costs().byCategory()));
    }

    /** The rules' planned windows in the plant's time zone (a local time in a DST gap: the moment the gap ends). */
    private static List<ShiftCalendar.PlannedWindow> plannedWindows(PlantRules rules, ZoneId zone) {
        return rules.plannedWindows().stream().map(w -> new ShiftCalendar.PlannedWindow(new TimeRange(
                LocalDateTime.parse(w.start(), PlantRulesCheck.WINDOW_TIME).atZone(zone).toInstant(),
                LocalDateTime.parse(w.end(), PlantRulesCheck.WINDOW_TIME).atZone(zone).toInstant()), w.reason(),
                Set.copyOf(RulesText.lineIds(w.lines())))).toList();
    }

    /** The reason tree, parents before their children whatever order the rules list them in. */
    private static ReasonTree reasonTree(PlantRules rules) {
        Map<String, PlantRules.Reason> left = new LinkedHashMap<>();
        rules.reasons().forEach(r -> left.put(r.id(), r));
        List<ReasonTree.Node> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (!left.isEmpty()) {
            boolean progress = false;
            for (var it = left.values().iterator(); it.hasNext(); ) {
                PlantRules.Reason r = it.next();
                String parent = r.parent() == null || r.parent().isEmpty() ? null : r.parent();
                if (parent == null || placed.contains(parent)) {
                    ordered.add(new ReasonTree.Node(r.id(), r.name(), parent, r.category()));
                    placed.add(r.id());
                    it.remove();
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalArgumentException(Messages.format("rules.loop", left.keySet()));
            }
        }
        // the built-in reasons in the station's language, unless the plant names them itself
        for (String builtIn : List.of(ReasonTree.UNASSIGNED, ReasonTree.STARVED, ReasonTree.BLOCKED)) {
            if (rules.reasons().stream().noneMatch(r -> r.id().equals(builtIn))) {
                ordered.add(new ReasonTree.Node(builtIn, Messages.get("reason." + builtIn), null, com.ms5.floor.analytics.downtime.LossCategory.UNASSIGNED));
            }
        }
        Set<String> retired = new HashSet<>();
        rules.reasons().stream().filter(PlantRules.Reason::retired).forEach(r -> retired.add(r.id()));
        return new ReasonTree(ordered, retired);
    }

    /**
     * The virtual plant's rules as its engineer would have set them up ({@code ms5/plant/demo-rules.json}
     * in src-resources): a reason tree over its fault codes, its shifts, products and cycle times.
     */
    static PlantRules demoRules() {
        try (InputStream in = PlantSetup.class.getResourceAsStream("/ms5/plant/demo-rules.json")) {
            if (in == null) {
                throw new IllegalStateException("The demo rules ms5/plant/demo-rules.json are not on the classpath");
            }
            return PlantRulesJson.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), "demo-rules.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plant's rules before its engineer sets them: around the clock in this computer's time zone, no reasons. */
    static PlantRules defaultRules() {
        return new PlantRules(ZoneId.systemDefault().getId(), List.of(), List.of(),
                List.of(new PlantRules.Shift("Day", "00:00", "00:00", List.of(DayOfWeek.values()), List.of())),
                List.of(), List.of(), List.of(), defaultCallTypes(), PlantRules.Figures.DEFAULT, List.of(), PlantRules.Costs.NONE);
    }

    /** Every call type escalates to the line lead at once, the shift supervisor after 5 minutes, the plant manager after 15. */
    private static List<PlantRules.CallRule> defaultCallTypes() {
        List<PlantRules.Step> steps = List.of(new PlantRules.Step(0, "line lead"), new PlantRules.Step(5, "shift supervisor"),
                new PlantRules.Step(15, "plant manager"));
        return Stream.of(CallType.MAINTENANCE, CallType.QUALITY, CallType.MATERIAL, CallType.SAFETY)
                .map(t -> new PlantRules.CallRule(t.id(), t.label(), t.priority(), steps, false)).toList();
    }

    /** Display names of the tag map's lines and machines, by id. */
    private static Map<String, String> names(TagMap map) {
        Map<String, String> names = new LinkedHashMap<>();
        for (TagMap.Line line : map.lines()) {
            names.put(line.id(), line.name());
            line.machines().forEach(m -> names.put(m.id(), m.name()));
        }
        return names;
    }

    String name(String id) {
        return names.getOrDefault(id, id);
    }
}
