package com.ms5.floor.app.ui.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ms5.floor.plc.tagmap.Driver;
import com.ms5.floor.plc.tagmap.TagMap;
import com.ms5.floor.plc.virtual.VirtualPlant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The equipment tree: machines moved by the buttons or dragged; connections, lines and machines added and removed. */
class TagMapEditorModelTest {
    private final TagMapEditorModel model = new TagMapEditorModel(VirtualPlant.demoTagMap(), 1);

    private List<String> line(String id) {
        return model.current().lines().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow().machines()
                .stream().map(TagMap.Machine::id).toList();
    }

    @Test
    void aMachineMovesWithinItsLineOrToTheEndOfAnother() {
        model.moveMachine("L1-CAPPER", -1);
        assertThat(line("L1")).containsExactly("L1-DEPAL", "L1-RINSER", "L1-CAPPER", "L1-FILLER", "L1-LABELLER", "L1-PACKER");
        model.moveMachine("L1-CAPPER", 1);
        assertThat(line("L1")).containsExactly("L1-DEPAL", "L1-RINSER", "L1-FILLER", "L1-CAPPER", "L1-LABELLER", "L1-PACKER");
        model.moveMachineTo("L1-CAPPER", "L2", 5);
        assertThat(line("L1")).doesNotContain("L1-CAPPER");
        assertThat(line("L2")).endsWith("L1-CAPPER");
        assertThat(model.pendingChanges()).containsExactly("L1-CAPPER line: L1 -> L2");
    }

    @Test
    void anEngineerAddsAConnectionALineAndAMachineAndRemovesThemAgain() {
        model.addConnection("line4-plc", Driver.LOGIX, "");
        model.addLine("L4", "Line 4");
        model.addMachine("L4", "L4-FILLER", "Filler", "line4-plc");
        assertThat(model.pendingChanges()).containsExactly("connection line4-plc added", "line L4 added",
                "machine L4-FILLER added");
        assertThat(model.problems()).extracting(Object::toString).containsExactly(
                "connections[3].host: give the controller's IP address or host name");
        assertThat(model.usedIds()).contains("line4-plc", "L4", "L4-FILLER", "L1-FILLER");

        assertThatThrownBy(() -> model.removeConnection("line4-plc")).hasMessage("line4-plc cannot be removed: L4-FILLER "
                + "read through it. Give them another PLC connection or remove them first.");
        model.setMachineConnection("L4-FILLER", "line1-plc");
        model.removeConnection("line4-plc");
        model.removeLine("L4");
        assertThat(model.current()).isEqualTo(model.saved());
        model.removeMachine("L1-CAPPER");
        assertThat(line("L1")).doesNotContain("L1-CAPPER");
        assertThat(model.pendingChanges()).containsExactly("machine L1-CAPPER removed");
    }

    @Test
    void theEngineerIsToldWhatAnAdditionNeedsNextAndWhatARemovalMeans() {
        assertThat(model.add(new NewEquipmentDialog.NewEquipment(NewEquipmentDialog.Kind.LINE, "L4", "Line 4", null, null,
                null, null))).isEqualTo("Line L4 added: Add → Machine… gives it machines.");
        assertThat(model.removalConsequence("line", "L1")).startsWith("Once saved, line L1 and its 6 machine(s) are no "
                + "longer polled or shown.");
        assertThat(model.removalConsequence("machine", "L1-CAPPER")).endsWith("Its history stays in the database.");
        assertThat(model.remove("line", "L4")).isEqualTo("L4 removed; Save makes it so for every station, Undo brings it back.");
        assertThat(model.current()).isEqualTo(model.saved());
    }

    @Test
    void aNewIdMustBeWellFormedAndFree() {
        assertThat(NewEquipmentDialog.freeId("L", model.usedIds())).isEqualTo("L4");
        assertThat(NewEquipmentDialog.idProblem("L1-FILLER", model.usedIds())).isEqualTo("'L1-FILLER' is used by other equipment already.");
        assertThat(NewEquipmentDialog.idProblem("Line 4", model.usedIds())).startsWith("The id takes letters, digits");
        assertThat(NewEquipmentDialog.idProblem("L4", model.usedIds())).isNull();
    }
}
