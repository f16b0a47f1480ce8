package com.ms5.floor.app.ui.notify;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.analytics.andon.AlarmState;
import com.ms5.floor.analytics.andon.AndonCall;
import com.ms5.floor.app.model.StationDiagnostics;
import com.ms5.floor.app.model.StationResources;
import com.ms5.floor.app.model.StationStatus;
import com.ms5.floor.app.ui.StateLook;
import com.ms5.floor.plc.api.ConnectionHealth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What is worth a notification, from one live value to the next: a call nobody has acknowledged
 * yet joins the board, a waiting call escalates, the database goes away or comes back, a PLC this
 * station polls stops answering or answers again, a limit of the computer is crossed (disk,
 * memory, backups). The first value of each kind only sets the
 * baseline: what was there when the station started is on screen already. No JavaFX; FX thread.
 */
final class Notices {
    /** One notification; {@code needsPerson}: a call, loud (sound, longer on screen). */
    record Notice(String title, String text, boolean needsPerson) {
    }

    private final Function<String, String> names;
    private final BiFunction<String, Integer, String> whoAtLevel;
    private Map<UUID, Integer> levels;
    private Boolean databaseOk;
    private Set<String> plcsDown;
    private Set<String> limitsCrossed = Set.of();

    /**
     * @param names      the display name of a line or machine by id
     * @param whoAtLevel who a call type's escalation level calls ("maintenance planner"), or null
     */
    Notices(Function<String, String> names, BiFunction<String, Integer, String> whoAtLevel) {
        this.names = names;
        this.whoAtLevel = whoAtLevel;
    }

    List<Notice> board(List<AndonCall> calls) {
        List<Notice> notices = new ArrayList<>();
        Map<UUID, Integer> now = new HashMap<>();
        for (AndonCall call : calls) {
            now.put(call.id(), call.level());
            boolean waiting = call.state() == AlarmState.UNACK_ACTIVE || call.state() == AlarmState.RTN_UNACK;
            Integer before = levels == null ? null : levels.get(call.id());
            if (levels == null || !waiting) {
                continue;
            }
            String where = names.apply(call.machineId()) + ", " + names.apply(call.lineId());
            String who = whoAtLevel.apply(call.type().id(), call.level());
            if (before == null) {
                notices.add(new Notice(Messages.format("notify.call", StateLook.callSymbol(call.type().id()), call.type().label()),
                        who == null ? Messages.format("notify.waiting", where) : Messages.format("notify.waitingCalls", where, who), true));
            } else if (call.level() > before) {
                notices.add(new Notice(Messages.format("notify.escalated", StateLook.callSymbol(call.type().id()),
                        call.type().label(), call.level()),
                        who == null ? Messages.format("notify.stillWaiting", where) : Messages.format("notify.nowCalls", where, who), true));
            }
        }
        levels = now;
        return notices;
    }

    List<Notice> station(StationStatus status) {
        boolean wasOk = databaseOk == null || databaseOk;
        boolean first = databaseOk == null;
        databaseOk = status.databaseOk();
        if (first || wasOk == status.databaseOk()) {
            return List.of();
        }
        return List.of(status.databaseOk()
                ? new Notice(Messages.get("notify.databaseBack"), Messages.get("notify.databaseBackText"), false)
                : new Notice(Messages.get("notify.databaseOffline"), Messages.format("notify.databaseOfflineText",
                        status.database()), false));
    }

    List<Notice> diagnostics(StationDiagnostics diagnostics) {
        Set<String> down = new HashSet<>();
        Set<String> answering = new HashSet<>();
        for (StationDiagnostics.Connection c : diagnostics.connections()) {
            if (c.health() != null && c.health().state() == ConnectionHealth.State.RECONNECTING) {
                down.add(c.id());
            } else if (c.health() != null && c.health().state() == ConnectionHealth.State.CONNECTED) {
                answering.add(c.id());
            }
        }
        Set<String> before = plcsDown;
        plcsDown = down;
        List<Notice> notices = new ArrayList<>();
        // A limit says so once when it is crossed (the first diagnostics included: nothing shows it elsewhere).
        List<StationResources.Warning> warnings = diagnostics.resources() == null ? List.of()
                : diagnostics.resources().warnings(diagnostics.at());
        warnings.stream().filter(w -> !limitsCrossed.contains(w.title()))
                .forEach(w -> notices.add(new Notice(w.title(), w.text(), false)));
        limitsCrossed = warnings.stream().map(StationResources.Warning::title).collect(java.util.stream.Collectors.toSet());
        if (before == null) {
            return notices;
        }
        down.stream().filter(id -> !before.contains(id)).sorted().forEach(id -> notices.add(new Notice(
                Messages.format("notify.plcDown", id), Messages.get("notify.plcDownText"), false)));
        // One that another station polls now is neither: nothing to say about it from here.
        before.stream().filter(answering::contains).sorted().forEach(id -> notices.add(new Notice(
                Messages.format("notify.plcBack", id), Messages.get("notify.plcBackText"), false)));
        return notices;
    }
}
