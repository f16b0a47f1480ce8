package com.ms5.floor.app.ui.setup;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.plc.api.StateRule;
import com.ms5.floor.plc.api.AndonSignal;
import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.live.LiveValues;
import com.ms5.floor.app.runtime.ConfigKind;
import com.ms5.floor.app.runtime.ConfigService;
import com.ms5.floor.app.runtime.SetupTools;
import com.ms5.floor.app.runtime.StationPlant;
import com.ms5.floor.app.ui.UiExecutor;
import com.ms5.floor.plc.poll.ConnectionCheck;
import com.ms5.floor.plc.tagmap.BindingCsv;
import com.ms5.floor.plc.tagmap.L5xImport;
import com.ms5.floor.plc.tagmap.TagMap;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * The Setup tab: the tag map in an editor, and the slow work an engineer asks for (Test
 * connection, Test read, import and export files), each answered on the FX thread.
 */
final class SetupViewModel extends ConfigEditorViewModel<TagMap, TagMapEditorModel> {
    private final SetupTools tools;
    private final StationPlant plant;
    private final UiExecutor ui;
    private final String shownMachineId;
    /** The last test read's values by tag name; FX thread. */
    private final Map<String, ConnectionCheck.Reading> readings = new HashMap<>();

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

    /** Test read of one machine's bindings as edited; completes with what came of it, in words. */
    CompletableFuture<String> testRead(String machineId) {
        return onUi(tools.testRead(editor().current(), machineId).thenApplyAsync(list -> {
            readings.clear();
            list.forEach(r -> readings.put(r.tag().name(), r));
            long good = list.stream().filter(r -> r.value() != null).count();
            return Messages.format(good == list.size() ? "setup.testReadResult" : "setup.testReadPartly", machineId, good,
                    list.size());
        }, ui));
    }

    /**
     * What the machine's rules make of the values of the last test read: "With the values read now,
     * L1-FILLER is: Starved; no Andon call." Empty before a test read of it.
     */
    String preview(TagMap map, String machineId) {
        TagMap.Machine m = map.machine(machineId).orElse(null);
        if (m == null || readings.keySet().stream().noneMatch(name -> name.startsWith(machineId + "."))) {
            return "";
        }
        java.util.function.Function<String, Long> value = signal -> {
            ConnectionCheck.Reading r = readings.get(machineId + "." + signal);
            return r == null || r.value() == null ? null : r.value().asSignal();
        };
        StateRule rule = map.stateRule(m);
        com.ms5.floor.plc.api.PlcState state = rule == null ? null : rule.stateOf(value);
        List<String> calls = map.andonSignals(m).stream().filter(a -> {
            Long v = value.apply(a.signal());
            return v != null && a.holds(v);
        }).map(AndonSignal::call).toList();
        return (rule == null ? Messages.format("setup.previewCounters", machineId) : state == null
                        ? Messages.format("setup.previewUnknown", machineId)
                        : Messages.format("setup.previewState", machineId, Messages.get("plcState." + state.name())))
                + (calls.isEmpty() ? Messages.get("setup.previewNoCall") : Messages.format("setup.previewCalls", String.join(", ", calls)));
    }

    /** A tag's value and quality at the last test read, or why it did not answer; empty before one. */
    String reading(String valueName) {
        ConnectionCheck.Reading r = readings.get(valueName);
        if (r == null) {
            return "";
        }
        return r.value() != null ? r.value().value() + "  (" + r.value().quality() + ")" : "✗ " + r.problem();
    }

    /** A Studio 5000 export, read off the FX thread. */
    CompletableFuture<L5xImport.Result> readL5x(Path file) {
        return inBackground(() -> {
            try (InputStream in = Files.newInputStream(file)) {
                return L5xImport.read(in, file.getFileName().toString());
            }
        });
    }

    /** A CSV of bindings against {@code base}, each row with its problems. */
    CompletableFuture<List<BindingCsv.Row>> readCsv(Path file, TagMap base) {
        return inBackground(() -> BindingCsv.read(BindingCsv.text(Files.readAllBytes(file)), base));
    }

    CompletableFuture<Path> write(Path file, String text) {
        return inBackground(() -> Files.writeString(file, text, StandardCharsets.UTF_8));
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
        return ui.deliver(work);
    }
}
