package com.ms5.floor.app.runtime;

import com.ms5.floor.analytics.downtime.FaultReasonMap;
import com.ms5.floor.analytics.downtime.LossCategory;
import com.ms5.floor.analytics.downtime.ReasonTree;
import com.ms5.floor.analytics.oee.OeeProfile;
import com.ms5.floor.analytics.pipeline.PlantModel;
import com.ms5.floor.analytics.shift.ShiftCalendar;
import com.ms5.floor.analytics.shift.ShiftDefinition;
import com.ms5.floor.plc.tagmap.TagMap;
import com.ms5.floor.plc.virtual.PlantFile;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What analytics is told about the plant: the model, the shift calendar, the downtime reasons and
 * the fault-code table, with display names. The demo plant brings all of it in its plant file; a
 * real plant takes lines and machines from its tag map and, until the engineering dialogs set
 * them (issue 8), one ideal cycle time, a plant that runs around the clock and no reasons.
 */
record PlantSetup(PlantModel model, ShiftCalendar calendar, ReasonTree reasons, FaultReasonMap faults,
                  Map<String, String> names) {
    static final Duration STALE_AFTER = Duration.ofSeconds(10);
    static final Duration RETENTION = Duration.ofDays(1);

    static PlantSetup demo(PlantFile file) {
        Map<String, String> names = new LinkedHashMap<>();
        List<PlantModel.Line> lines = new ArrayList<>();
        for (PlantFile.Line line : file.lines()) {
            names.put(line.id(), line.name());
            List<PlantModel.Machine> machines = new ArrayList<>();
            for (PlantFile.Machine m : line.machines()) {
                names.put(m.id(), m.name());
                Map<Long, Double> byProduct = new HashMap<>();
                file.products().forEach(p -> byProduct.put((long) p.id(), m.idealCycleSeconds() * p.cycleFactor()));
                machines.add(new PlantModel.Machine(m.id(), m.idealCycleSeconds(), byProduct,
                        PlantModel.DEMO_STATE_WORDS, Duration.ofMinutes(2)));
            }
            lines.add(new PlantModel.Line(line.id(), machines));
        }
        List<ShiftDefinition> shifts = new ArrayList<>();
        for (PlantFile.Shift s : file.shifts()) {
            List<ShiftDefinition.Break> breaks = new ArrayList<>();
            for (PlantFile.Break b : s.breaks()) {
                LocalTime start = LocalTime.parse(b.start());
                breaks.add(new ShiftDefinition.Break("Break", start, start.plusMinutes(b.minutes())));
            }
            shifts.add(new ShiftDefinition(s.name(), LocalTime.parse(s.start()), LocalTime.parse(s.end()),
                    EnumSet.allOf(DayOfWeek.class), breaks));
        }
        List<ReasonTree.Node> nodes = new ArrayList<>();
        Map<Long, String> byCode = new HashMap<>();
        for (PlantFile.FaultCode f : file.faultCodes()) {
            String id = "fault-" + f.code();
            nodes.add(new ReasonTree.Node(id, f.text(), null, LossCategory.BREAKDOWN));
            byCode.put((long) f.code(), id);
        }
        return new PlantSetup(new PlantModel(lines, OeeProfile.ISO_22400, STALE_AFTER, RETENTION),
                new ShiftCalendar(ZoneId.of(file.timeZone()), shifts, Set.of(), List.of()), new ReasonTree(nodes),
                new FaultReasonMap(1, Instant.EPOCH, "demo plant file", byCode), names);
    }

    static PlantSetup of(TagMap map, double idealCycleSeconds) {
        List<PlantModel.Line> lines = new ArrayList<>();
        for (TagMap.Line line : map.lines()) {
            lines.add(new PlantModel.Line(line.id(), line.machines().stream()
                    .map(m -> PlantModel.Machine.standard(m.id(), idealCycleSeconds)).toList()));
        }
        return new PlantSetup(new PlantModel(lines, OeeProfile.ISO_22400, STALE_AFTER, RETENTION),
                ShiftCalendar.aroundTheClock(ZoneId.systemDefault()), new ReasonTree(List.of()), FaultReasonMap.empty(),
                names(map));
    }

    /** Display names of the tag map's lines and machines, by id. */
    static Map<String, String> names(TagMap map) {
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
