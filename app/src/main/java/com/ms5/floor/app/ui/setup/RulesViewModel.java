package com.ms5.floor.app.ui.setup;

import com.ms5.floor.app.live.LiveValues;
import com.ms5.floor.app.rules.PlantRules;
import com.ms5.floor.app.runtime.ConfigKind;
import com.ms5.floor.app.runtime.ConfigService;
import com.ms5.floor.app.runtime.StationPlant;
import com.ms5.floor.app.ui.UiExecutor;
import com.ms5.floor.plc.tagmap.TagMap;
import jakarta.inject.Inject;
import java.util.List;

/** The Rules tab: the plant rules in an editor, and the machines whose cycle times they hold. */
final class RulesViewModel extends ConfigEditorViewModel<PlantRules, RulesEditorModel> {
    private final ConfigService configuration;
    private final StationPlant plant;
    private final java.time.Clock clock;

    @Inject
    RulesViewModel(ConfigService configuration, LiveValues live, StationPlant plant, UiExecutor ui, java.time.Clock clock) {
        super(ConfigKind.PLANT_RULES, configuration, live, ui);
        this.configuration = configuration;
        this.plant = plant;
        this.clock = clock;
    }

    /** The plant's time now (the demo's runs faster than the wall clock), in the zone its rules keep. */
    java.time.LocalDateTime plantTime(String zone) {
        java.time.ZoneId id;
        try {
            id = java.time.ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            id = java.time.ZoneOffset.UTC; // the zone is being typed; its problem is shown beside it
        }
        return java.time.LocalDateTime.ofInstant(clock.instant(), id);
    }

    @Override
    RulesEditorModel newEditor(PlantRules document, int version) {
        return new RulesEditorModel(document, version);
    }

    /** The plant's machines, in line order, for their cycle times. */
    List<TagMap.Line> lines() {
        return configuration.tagMap().lines();
    }

    List<TagMap.Machine> machines() {
        return configuration.tagMap().machines();
    }

    double defaultIdealCycleSeconds() {
        return configuration.defaultIdealCycleSeconds();
    }

    String name(String id) {
        return plant.name(id);
    }
}
