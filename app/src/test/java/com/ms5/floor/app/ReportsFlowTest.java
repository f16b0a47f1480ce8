package com.ms5.floor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.base.AppDirectories;
import com.ms5.floor.app.model.ShiftReport;
import com.ms5.floor.app.runtime.TestStation;
import com.ms5.floor.app.ui.report.ReportsView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/**
 * A supervisor's shift report, on the real app (virtual plant, embedded PostgreSQL): the early shift
 * of Line 1 ends while the test runs; the Reports tab shows it, saves it as PDF and CSV, and its
 * figures are those the live engine stored for each machine as the shift ended. The station also
 * writes each line's report by itself once the shift is over.
 */
@SuppressWarnings("unchecked")
class ReportsFlowTest extends TestApp {
    @Test
    void aSupervisorOpensTheEarlyShiftOfLine1AndSavesItAsPdfAndCsvWithTheLiveEnginesFigures() throws Exception {
        AppDirectories dirs = new AppDirectories(home);
        // 13:40 plant time at 60x: the early shift (06:00-14:00) ends 20 s into the test.
        start(AppConfig.load(dirs, dirs.configFile()).withTimeScale(60).withDemoStartTime(LocalTime.of(13, 40)));
        TestStation station = station();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant shiftStart = today.atTime(6, 0).toInstant(ZoneOffset.UTC);
        List<String> line1 = station.tagMap().lines().stream().filter(l -> l.id().equals("L1")).findFirst().orElseThrow()
                .machines().stream().map(com.ms5.floor.plc.tagmap.TagMap.Machine::id).toList();
        Await.until(Duration.ofSeconds(120), "the live figures of the early shift stored for every machine of Line 1",
                () -> station.repository() != null && liveShiftFigures(station, shiftStart).keySet().containsAll(line1));

        selectTab("reportsTab");
        Fx.run(() -> {
            lookup("#reportLineChoice", ComboBox.class).setValue("L1");
            lookup("#reportDay", DatePicker.class).setValue(today);
        });
        Await.until(Duration.ofSeconds(10), "the day's shifts offered", () -> Fx.get(() ->
                lookup("#reportShiftChoice", ComboBox.class).getItems().size() == 3));
        Fx.run(() -> {
            ComboBox<?> shifts = lookup("#reportShiftChoice", ComboBox.class);
            shifts.getSelectionModel().select(0); // Early
            button("#reportShowButton").fire();
        });
        String title = "Line 1 - PET bottling · Early shift, " + today.format(java.time.format.DateTimeFormatter
                .ofPattern("EEE d MMM yyyy", java.util.Locale.ENGLISH));
        Await.until(Duration.ofSeconds(60), "the report shown", () -> title.equals(label("#reportTitle")),
                () -> label("#reportTitle") + " | " + label("#reportMessage"));

        // Every machine's figures are the live engine's for the same shift (oee_shift, written as the shift ended).
        Map<String, double[]> live = liveShiftFigures(station, shiftStart);
        List<ShiftReport.MachineRow> rows = Fx.get(() -> List.copyOf(lookup("#reportMachines", TableView.class).getItems()));
        assertThat(rows).extracting(ShiftReport.MachineRow::id).containsExactlyElementsOf(line1);
        double loading = 0;
        double goodIdeal = 0;
        for (ShiftReport.MachineRow row : rows) {
            double[] f = live.get(row.id());
            // Within a millisecond: PostgreSQL keeps times to the microsecond, the live engine to the nanosecond.
            assertThat(row.oee().loadingSeconds()).as(row.id() + " loading time").isCloseTo(f[0], within(1e-3));
            assertThat(row.oee().runSeconds()).as(row.id() + " run time").isCloseTo(f[1], within(1e-3));
            assertThat(row.oee().totalCount()).as(row.id() + " parts").isEqualTo((long) f[2]);
            assertThat(row.oee().goodCount()).as(row.id() + " good parts").isEqualTo((long) f[3]);
            assertThat(row.oee().oee()).as(row.id() + " OEE").isCloseTo(f[4], within(1e-6));
            loading += f[0];
            goodIdeal += f[4] * f[0];
        }
        assertThat(rows.getLast().oee().totalCount()).as("the shift made parts").isPositive();
        assertThat(label("#reportOee")).isEqualTo(String.format("%.1f %%", goodIdeal / loading * 100));

        ReportsView view = Fx.get(() -> (ReportsView) stage.getScene().lookup(".reports").getProperties().get(ReportsView.class));
        Path pdf = view.exportPdf(home.resolve("early.pdf")).get();
        Path csv = view.exportCsv(home.resolve("early.csv")).get();
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(1)).startsWith("MS5 shift report,Line 1 - PET bottling,\"Early shift, ");
        assertThat(lines).contains("OEE %," + String.format(java.util.Locale.ROOT, "%.1f", goodIdeal / loading * 100));
        Await.until(Duration.ofSeconds(10), "the tab says where the CSV went", () -> label("#reportMessage").contains("early.csv"));

        // The station wrote each line's report of the shift by itself.
        for (String lineId : List.of("L1", "L2", "L3")) {
            Path auto = home.resolve("reports").resolve("report-" + lineId + "-" + today + "-early.pdf");
            Await.until(Duration.ofSeconds(60), "the automatic report " + auto.getFileName(), () -> auto.toFile().length() > 1000);
        }
    }

    /**
     * The trend adds the stored shifts of the line's machines up per day, by their times (never an
     * average of percentages), and draws the target beside them.
     */
    @Test
    void theTrendByDayAddsUpTheShiftsOfTheLinesMachinesByTime() throws Exception {
        start(demoAt30x());
        TestStation station = station();
        Await.until(Duration.ofSeconds(60), "the database open", () -> station.repository() != null);
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(3);
        try (Connection c = station.database().dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO oee_shift (machine_id, shift_start, shift_end, shift_key, profile, planned_seconds, run_seconds, "
                        + "total_count, good_count, availability, performance, quality, oee) VALUES (?, ?, ?, 'k', 'ISO_22400', "
                        + "?, ?, 100, 90, 0, ?, ?, 0)")) {
            Object[][] rows = {{"L1-FILLER", 1000.0, 800.0, 0.9, 0.99}, {"L1-CAPPER", 1000.0, 600.0, 0.8, 0.95},
                    {"L2-FILLER", 1000.0, 100.0, 0.5, 0.5}}; // another line's machine: not in Line 1's trend
            for (Object[] row : rows) {
                s.setString(1, (String) row[0]);
                s.setTimestamp(2, java.sql.Timestamp.from(day.atTime(6, 0).toInstant(ZoneOffset.UTC)));
                s.setTimestamp(3, java.sql.Timestamp.from(day.atTime(14, 0).toInstant(ZoneOffset.UTC)));
                s.setDouble(4, (Double) row[1]);
                s.setDouble(5, (Double) row[2]);
                s.setDouble(6, (Double) row[3]);
                s.setDouble(7, (Double) row[4]);
                s.executeUpdate();
            }
        }
        selectTab("reportsTab");
        Fx.run(() -> {
            lookup("#reportLineChoice", ComboBox.class).setValue("L1");
            ((ComboBox<Object>) lookup("#reportPeriodChoice", ComboBox.class)).setValue(
                    com.ms5.floor.app.ui.report.ReportsViewModel.Period.TREND_DAYS);
            lookup("#reportDay", DatePicker.class).setValue(LocalDate.now(ZoneOffset.UTC));
            button("#reportShowButton").fire();
        });
        Await.until(Duration.ofSeconds(30), "the trend shown", () -> "Line 1 - PET bottling: OEE per day".equals(label("#trendTitle")),
                () -> label("#trendTitle") + " | " + label("#reportMessage"));
        javafx.scene.chart.LineChart<String, Number> chart = Fx.get(() -> lookup("#trendChart", javafx.scene.chart.LineChart.class));
        var oee = Fx.get(() -> List.copyOf(chart.getData().getFirst().getData()));
        assertThat(oee).hasSize(1);
        // ideal time 0.9 x 800 + 0.8 x 600 = 1200 s; good ideal 0.99 x 720 + 0.95 x 480 = 1168.8 s; over 2000 s planned
        assertThat(oee.getFirst().getYValue().doubleValue()).isCloseTo(58.44, within(1e-9));
        assertThat(oee.getFirst().getXValue()).isEqualTo(day.format(java.time.format.DateTimeFormatter.ofPattern("d MMM",
                java.util.Locale.ENGLISH)));
        assertThat(Fx.get(() -> chart.getData().getLast().getName())).isEqualTo("target 85 %");
    }

    /** Each machine's live figures of the shift from oee_shift: loading s, run s, parts, good parts, OEE. */
    private static Map<String, double[]> liveShiftFigures(TestStation station, Instant shiftStart) {
        Map<String, double[]> figures = new HashMap<>();
        try (Connection c = station.database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT machine_id, planned_seconds, run_seconds, total_count, good_count, oee "
                     + "FROM oee_shift WHERE shift_start = ?")) {
            s.setTimestamp(1, java.sql.Timestamp.from(shiftStart));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    figures.put(r.getString(1), new double[] {r.getDouble(2), r.getDouble(3), r.getLong(4), r.getLong(5),
                            r.getDouble(6)});
                }
            }
        } catch (Exception e) {
            return Map.of(); // not there yet
        }
        return figures;
    }

    private <T> T lookup(String selector, Class<T> type) {
        return type.cast(stage.getScene().lookup(selector));
    }
}
