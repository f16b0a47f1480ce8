package com.ms5.floor.app.ui.notify;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.analytics.andon.AndonCall;
import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.rules.PlantRules;
import com.ms5.floor.app.live.LiveKeys;
import com.ms5.floor.app.live.LiveValues;
import com.ms5.floor.app.runtime.ConfigService;
import com.ms5.floor.app.runtime.StationPlant;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * Pops up a notification (ControlsFX) in the control room for what needs a look while another tab
 * is open: a new Andon call, an escalation, the database or a PLC going away and coming back. A call
 * also sounds a chime when {@code notify.sound=true}. A click on a call's notification opens the
 * board. More than three at once collapse into one that counts them. FX thread.
 */
@Singleton
public final class Notifier implements AutoCloseable {
    private static final int AT_ONCE = 3;

    private final LiveValues live;
    private final AppConfig config;
    private final Notices notices;
    private final Chime chime = new Chime();

    @Inject
    Notifier(LiveValues live, StationPlant plant, ConfigService configuration, AppConfig config) {
        this.live = live;
        this.config = config;
        this.notices = new Notices(plant::name, (type, level) -> whoAtLevel(configuration.rules(), type, level));
    }

    /** Notifies over {@code root} (the main window, shown as long as the app runs; show() skips it while it is not); {@code openBoard} runs when a call's notification is clicked. */
    public void attach(Node root, Runnable openBoard) {
        live.subscribe(LiveKeys.ANDON_BOARD, calls -> show(root, notices.board(calls), openBoard));
        live.subscribe(LiveKeys.STATION, s -> show(root, notices.station(s), null));
        live.subscribe(LiveKeys.DIAGNOSTICS, d -> show(root, notices.diagnostics(d), null));
    }

    private void show(Node root, List<Notices.Notice> list, Runnable openBoard) {
        if (list.isEmpty() || root.getScene() == null || root.getScene().getWindow() == null) {
            return;
        }
        boolean call = list.stream().anyMatch(Notices.Notice::needsPerson);
        if (call && config.notifySound()) {
            chime.play();
        }
        if (list.size() > AT_ONCE) {
            popup(root, new Notices.Notice(Messages.format("notify.many", list.size()), list.stream().limit(AT_ONCE)
                    .map(Notices.Notice::title).reduce((a, b) -> a + "\n" + b).orElse("") + "\n…", call), openBoard);
            return;
        }
        list.forEach(n -> popup(root, n, openBoard));
    }

    private static void popup(Node root, Notices.Notice notice, Runnable openBoard) {
        Notifications popup = Notifications.create().owner(root.getScene().getWindow()).title(notice.title())
                .text(notice.text()).position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.seconds(notice.needsPerson() ? 30 : 10));
        if (notice.needsPerson() && openBoard != null) {
            popup.onAction(e -> openBoard.run());
            popup.showWarning();
        } else {
            popup.showInformation();
        }
    }

    /** Who a call type's escalation level calls ("line lead"), from the plant rules; null if they name nobody. */
    static String whoAtLevel(PlantRules rules, String type, int level) {
        return rules.callTypes().stream().filter(c -> c.type().equals(type)).findFirst()
                .filter(c -> level >= 1 && level <= c.steps().size()).map(c -> c.steps().get(level - 1).calls())
                .filter(who -> !who.isBlank()).orElse(null);
    }

    @Override
    public void close() {
        chime.close();
    }
}
