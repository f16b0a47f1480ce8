package com.ms5.floor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.analytics.andon.AndonCall;
import com.ms5.floor.app.model.AuditEntry;
import com.ms5.floor.app.runtime.TestStation;
import com.ms5.floor.app.ui.audit.AuditView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;

/**
 * The Audit tab on the real app: a call acknowledged at this station is listed with who, when and
 * where; a filter narrows the list to it; Export CSV writes what is shown.
 */
@SuppressWarnings("unchecked")
class AuditFlowTest extends TestApp {
    @Test
    void anAcknowledgementIsListedWithWhoAndWhereAndExportedAsCsv() throws Exception {
        start(demoAt30x());
        TestStation station = station();
        Await.until(Duration.ofSeconds(60), "the database open", () -> station.calls() != null);
        Await.until(Duration.ofSeconds(60), "a call on the board", () -> !station.calls().openCalls().isEmpty());
        AndonCall call = station.calls().openCalls().getFirst();
        station.andon().acknowledge(call.id(), call.revision()).join();
        String who = System.getProperty("user.name");

        selectTab("auditTab");
        TableView<AuditEntry> table = Fx.get(() -> (TableView<AuditEntry>) stage.getScene().lookup("#auditEntries"));
        Await.until(Duration.ofSeconds(20), "the acknowledgement listed", () -> Fx.get(() -> table.getItems().stream()
                .anyMatch(e -> e.action().equals("acknowledge") && e.subject().equals("andon:" + call.id()))));
        AuditEntry entry = Fx.get(() -> table.getItems().stream().filter(e -> e.subject().equals("andon:" + call.id()))
                .findFirst().orElseThrow());
        assertThat(entry.who()).isEqualTo(who);
        assertThat(entry.station()).isEqualTo(station.stationId());
        assertThat(entry.detail()).as("the call in words").isEqualTo("acknowledged · " + call.type().label() + " call at "
                + call.machineId());

        // The filter, as a person types it and presses Enter: only this call's entries remain.
        Fx.run(() -> {
            TextField filter = (TextField) stage.getScene().lookup("#auditFilter");
            filter.setText(call.id().toString().substring(0, 8));
            filter.fireEvent(new javafx.event.ActionEvent());
        });
        Await.until(Duration.ofSeconds(20), "only this call's entries", () -> Fx.get(() -> !table.getItems().isEmpty()
                && table.getItems().stream().allMatch(e -> e.subject().equals("andon:" + call.id()))));
        assertThat(label("#auditMessage")).matches("\\d+ entries in the last 7 days, newest first");

        AuditView view = Fx.get(() -> (AuditView) stage.getScene().lookup(".audit").getProperties().get(AuditView.class));
        Path csv = view.exportCsv(home.resolve("audit.csv")).get();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.getFirst()).isEqualTo("at,station,who,action,subject,detail");
        assertThat(lines).anyMatch(l -> l.contains("," + who + ",acknowledge,andon:" + call.id()));
    }
}
