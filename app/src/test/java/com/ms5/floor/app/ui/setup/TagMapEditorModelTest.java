package com.ms5.floor.app.ui.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.plc.tagmap.TagMap;
import com.ms5.floor.plc.virtual.VirtualPlant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Moving machines in the equipment tree: by the buttons, and by dragging within a line or to another line. */
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
}
