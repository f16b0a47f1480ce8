package com.ms5.floor.plc.tagmap;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.plc.api.Role;
import com.ms5.floor.plc.virtual.VirtualPlant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagMapDiffTest {
    private final TagMap demo = VirtualPlant.demoTagMap();

    @Test
    void eachChangeIsOneReadableLine() {
        TagMap.Line line1 = demo.lines().get(0);
        List<TagMap.Machine> machines = new ArrayList<>(line1.machines());
        TagMap.Machine filler = machines.get(0); // the depalletiser
        List<TagMap.Binding> bindings = new ArrayList<>(filler.bindings());
        TagMap.Binding total = filler.binding(Role.TOTAL_COUNT).orElseThrow();
        bindings.set(bindings.indexOf(total), new TagMap.Binding(Role.TOTAL_COUNT, null, "L1_Depal.Infeed", total.type(),
                null, 0, "normal"));
        bindings.removeIf(b -> b.role() == Role.SPEED);
        machines.set(0, new TagMap.Machine(filler.id(), "Depal 2", filler.connection(), bindings));
        machines.add(machines.remove(1)); // the second machine to the end
        List<TagMap.Line> lines = new ArrayList<>(demo.lines());
        lines.set(0, new TagMap.Line(line1.id(), "Bottling 1", machines));
        TagMap after = demo.withEndpoint("line1-plc", "10.0.0.5", 44818).withLines(lines);

        assertThat(TagMapDiff.between(demo, after)).containsExactly(
                "connection line1-plc host: 127.0.0.1 -> 10.0.0.5",
                "line " + line1.id() + " name: " + line1.name() + " -> Bottling 1",
                "line " + line1.id() + " order: " + line1.machines().stream().map(TagMap.Machine::id).toList() + " -> "
                        + machines.stream().map(TagMap.Machine::id).toList(),
                "L1-DEPAL name: Depalletiser -> Depal 2",
                "L1-DEPAL TOTAL_COUNT: address: L1_Depal.TotalCount -> L1_Depal.Infeed",
                "L1-DEPAL TOTAL_COUNT: scan class: fast -> normal",
                "L1-DEPAL SPEED removed");

        List<TagMap.Line> moved = new ArrayList<>(demo.lines());
        TagMap.Machine packer = line1.machines().getLast();
        moved.set(0, new TagMap.Line(line1.id(), line1.name(), line1.machines().subList(0, line1.machines().size() - 1)));
        TagMap.Line line2 = demo.lines().get(1);
        List<TagMap.Machine> line2Machines = new ArrayList<>(line2.machines());
        line2Machines.add(packer);
        moved.set(1, new TagMap.Line(line2.id(), line2.name(), line2Machines));
        assertThat(TagMapDiff.between(demo, demo.withLines(moved)))
                .containsExactly(packer.id() + " line: " + line1.id() + " -> " + line2.id());
    }
}
