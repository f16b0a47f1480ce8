package com.ms5.floor.app.ui.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.analytics.downtime.LossCategory;
import com.ms5.floor.app.rules.PlantRules;
import com.ms5.floor.app.rules.PlantRulesJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The Rules tab's page for how stops count and cost, and its planned stops, as edits of the demo's rules. */
class RulesEditorModelTest {
    private final RulesEditorModel model = new RulesEditorModel(demoRules(), 1);

    @Test
    void costsThresholdsAndProfileAreEditedAndListedAsChanges() {
        model.setLineCost("L1", 12.5);
        model.setLineCost("L3", null);
        model.setCategoryCost(LossCategory.BREAKDOWN, 40.0);
        model.setCategoryCost(LossCategory.QUALITY, null);
        model.setCurrency("€");
        model.setFigures("PLANNED_STOPS_AS_LOSS", 90, null);

        assertThat(model.pendingChanges()).containsExactly(
                "OEE profile: ISO_22400 -> PLANNED_STOPS_AS_LOSS",
                "micro-stop threshold: 120 s -> 90 s",
                "currency: EUR -> €",
                "cost per minute of line L1: 18.0 -> 12.5",
                "cost per minute of line L3: 9.0 -> (none)",
                "cost per minute of Breakdown: (none) -> 40.0",
                "cost per minute of Quality: 40.0 -> (none)");
        assertThat(model.problems()).isEmpty();

        model.setFigures("PLANNED_STOPS_AS_LOSS", 0, 90);
        assertThat(model.problems()).extracting(Object::toString).containsExactly(
                "figures, micro-stop: must be at least 1 second", "figures, debounce: must be 0-60 seconds");
        model.undo();
        assertThat(model.problems()).isEmpty();
    }

    @Test
    void aNewPlannedStopIsTomorrowsHourAndOneThatEndsBeforeItStartsIsNamed() {
        model.addPlannedWindow(LocalDateTime.parse("2026-12-07T14:35"));
        assertThat(model.current().plannedWindows()).containsExactly(
                new PlantRules.PlannedWindow("", "2026-12-08 14:00", "2026-12-08 15:00", "Planned maintenance"));
        assertThat(model.problems()).isEmpty();

        model.set(RulesEditorModel.PLANNED_WINDOWS, 0, new PlantRules.PlannedWindow("L2 L3", "2026-12-08 14:00",
                "2026-12-08 13:00", "Team meeting"));
        assertThat(model.problems(RulesEditorModel.PLANNED_WINDOWS.section()))
                .containsEntry(0, "to: must be after its start 2026-12-08 14:00");
        model.set(RulesEditorModel.PLANNED_WINDOWS, 0, new PlantRules.PlannedWindow("L2, L3", "2026-12-08 14:00",
                "2026-12-08 16:00", "Team meeting"));
        assertThat(model.problems()).isEmpty();
        assertThat(model.pendingChanges()).containsExactly(
                "planned window 2026-12-08 14:00 Team meeting added: to 2026-12-08 16:00, lines L2, L3");
    }

    private static PlantRules demoRules() {
        try (InputStream in = RulesEditorModelTest.class.getResourceAsStream("/ms5/plant/demo-rules.json")) {
            return PlantRulesJson.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), "demo-rules.json");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
