package com.ms5.floor.app.ui.setup;

import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.live.LiveValues;
import com.ms5.floor.app.runtime.ConfigKind;
import com.ms5.floor.app.runtime.ConfigService;
import com.ms5.floor.app.runtime.SetupTools;
import com.ms5.floor.app.runtime.StationPlant;
import com.ms5.floor.app.ui.UiExecutor;
import com.ms5.floor.plc.poll.ConnectionCheck;
import com.ms5.floor.plc.tagmap.TagMap;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The Setup tab: the tag map in an editor, and the slow work an engineer asks for (Test
 * connection, Test read, import and export files), each answered on the FX thread.
 */
final class SetupViewModel extends ConfigEditorViewModel<TagMap, TagMapEditorModel> {
    private final SetupTools tools;
    private final StationPlant plant;
    private final Executor ui;
    private final String shownMachineId;

    @Inject
    SetupViewModel(ConfigService configuration, LiveValues live, SetupTools tools, StationPlant plant, UiExecutor ui,
                   AppConfig config) {
        super(ConfigKind.TAG_MAP, configuration, live, ui);
        this.tools = tools;
        this.plant = plant;
        this.ui = ui;
        this.shownMachineId = config.machineId();
    }

    @Override
    TagMapEditorModel newEditor(TagMap document, int version) {
        return new TagMapEditorModel(document, version);
    }

    /** The machine the station shows on its Machine tab: where an engineer usually starts. */
    String shownMachineId() {
        return shownMachineId;
    }

    String name(String id) {
        return plant.name(id);
    }

    /** Test read of one machine's bindings as edited. */
    CompletableFuture<List<ConnectionCheck.Reading>> testRead(String machineId) {
        return onUi(tools.testRead(editor().current(), machineId));
    }

    /** Test connection, as edited. */
    CompletableFuture<ConnectionCheck.Outcome> testConnection(TagMap.Connection connection) {
        return onUi(tools.testConnection(connection));
    }

    /** File work (import, export) off the FX thread, answered on it. */
    <T> CompletableFuture<T> inBackground(Callable<T> work) {
        return onUi(tools.inBackground(work));
    }

    private <T> CompletableFuture<T> onUi(CompletableFuture<T> work) {
        return work.whenCompleteAsync((result, error) -> { }, ui);
    }
}
