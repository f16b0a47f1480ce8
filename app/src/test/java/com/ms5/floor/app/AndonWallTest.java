package com.ms5.floor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.ms5.floor.app.runtime.TestStation;
import com.ms5.floor.plc.api.SampleBatch;
import com.ms5.floor.plc.api.TagValue;
import com.ms5.floor.plc.virtual.VirtualController;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

/**
 * The Andon wall as it runs unattended, with the real app (virtual plant over PLC4X, embedded
 * PostgreSQL, Monocle): pages take turns, a call nobody acknowledged flashes, and a PLC that stops
 * answering shows a badge that goes away by itself when the PLC is back.
 */
class AndonWallTest extends TestApp {
    @Test
    void pagesRotateAnUnacknowledgedCallFlashesAndAPlcOutageShowsUntilItEnds() throws Exception {
        start(demoAt30x().withWall(1));
        TestStation station = station();

        Set<String> titles = new HashSet<>();
        Await.until(Duration.ofSeconds(30), "both pages shown in turn", () -> {
            titles.add(Fx.get(() -> ((Label) stage.getScene().lookup(".wall-title")).getText()));
            return titles.containsAll(Set.of("Andon calls", "Lines this shift"));
        }, titles::toString);
        Await.until(Duration.ofSeconds(60), "a tile per line on the lines page", () -> Fx.get(() ->
                stage.getScene().getRoot().lookupAll(".wall-line").size() == 3));

        // A quality call from Line 2's Andon bit: on the wall, waiting, flashing.
        Await.until(Duration.ofSeconds(60), "analytics and the database running",
                () -> station.analytics() != null && station.database() != null);
        Instant t = app.injector().getInstance(Clock.class).instant();
        station.analytics().accept(new SampleBatch("test", "fast", t, Map.of("L2-SEAMER.andon", TagValue.good(2L, t)), Set.of()));
        Await.until(Duration.ofSeconds(30), "the quality call on the wall, marked as waiting", () -> Fx.get(() ->
                stage.getScene().getRoot().lookupAll(".wall-call.unack .wall-call-what").stream()
                        .anyMatch(n -> ((Label) n).getText().contains("Quality · Seamer"))));
        assertThat(Fx.get(() -> ((Label) stage.getScene().lookup(".wall-waiting")).getText())).contains("waiting for someone");
        Set<Boolean> flashStates = new HashSet<>();
        PseudoClass flash = PseudoClass.getPseudoClass("flash");
        Await.until(Duration.ofSeconds(5), "the wall flashes: on, then off", () -> {
            flashStates.add(Fx.get(() -> stage.getScene().getRoot().getPseudoClassStates().contains(flash)));
            return flashStates.size() == 2;
        });

        // Quality calls from seven more machines: more than a page holds, so the calls take pages of
        // five in turn, and every call is on one of them.
        List<String> raised = station.tagMap().machines().stream().map(m -> m.id()).filter(id -> !id.equals("L2-SEAMER"))
                .limit(7).toList();
        Instant t2 = app.injector().getInstance(Clock.class).instant();
        Map<String, TagValue> bits = new java.util.HashMap<>();
        raised.forEach(id -> bits.put(id + ".andon", TagValue.good(2L, t2)));
        station.analytics().accept(new SampleBatch("test", "fast", t2, bits, Set.of()));
        Set<String> pageTitles = new HashSet<>();
        Set<String> shown = new HashSet<>();
        Await.until(Duration.ofSeconds(60), "the calls on pages of five, each call on one of them", () -> Fx.get(() -> {
            pageTitles.add(((Label) stage.getScene().lookup(".wall-title")).getText());
            stage.getScene().getRoot().lookupAll(".wall-call-what").forEach(n -> shown.add(((Label) n).getText()));
            assertThat(stage.getScene().getRoot().lookupAll(".wall-call").size()).isLessThanOrEqualTo(5);
            return pageTitles.stream().anyMatch(title -> title.matches("Andon calls 1–5 of \\d+"))
                    && pageTitles.stream().anyMatch(title -> title.matches("Andon calls 6–\\d+ of \\d+"))
                    && raised.stream().allMatch(id -> shown.stream().anyMatch(text -> text.contains("Quality · " + station.name(id))));
        }), () -> pageTitles + " " + shown);

        // The SLC of Line 3 stops answering: a badge says so; when it answers again the badge goes.
        Node badge = Fx.get(() -> stage.getScene().lookup(".wall-badge"));
        assertThat(Fx.get(badge::isVisible)).as("no badge while all is well").isFalse();
        VirtualController slc = station.virtualPlant().controllers().values().stream()
                .filter(c -> c.connectionUrl().startsWith("ab-eth")).findFirst().orElseThrow();
        slc.faults().refuseConnections(true);
        slc.dropAllConnections();
        Await.until(Duration.ofSeconds(60), "the badge names the PLC that does not answer", () -> Fx.get(() ->
                badge.isVisible() && ((Label) badge).getText().contains("PLC line3-slc NOT ANSWERING")));
        slc.faults().refuseConnections(false);
        Await.until(Duration.ofSeconds(90), "the badge goes once the PLC answers again", () -> Fx.get(() -> !badge.isVisible()));
    }
}
