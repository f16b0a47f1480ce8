package com.ms5.floor.app.ui.report;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.analytics.TimeRange;
import com.ms5.floor.analytics.shift.ShiftInstance;
import com.ms5.floor.app.live.LiveKeys;
import com.ms5.floor.app.live.LiveValues;
import com.ms5.floor.app.model.OeeTrend;
import com.ms5.floor.app.model.ShiftReport;
import com.ms5.floor.app.report.ShiftReportCsv;
import com.ms5.floor.app.report.ShiftReportPdf;
import com.ms5.floor.app.runtime.ReportService;
import com.ms5.floor.app.runtime.SetupTools;
import com.ms5.floor.app.ui.ErrorText;
import com.ms5.floor.app.ui.UiExecutor;
import com.ms5.floor.app.ui.ViewModel;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Reports tab: a person picks a line and a period (a shift of a day, a day, a week, or days
 * from-to), the report is read from the shared database with progress and Cancel, and can be saved
 * as PDF or CSV. FX thread; reads and file writes run elsewhere.
 */
public final class ReportsViewModel extends ViewModel {
    /** What a report covers. */
    public enum Period {
        SHIFT("reports.shift"), DAY("reports.day"), WEEK("reports.week"), DAYS("reports.days"),
        /** OEE per day over the 90 days up to the chosen one. */
        TREND_DAYS("reports.trendDays"),
        /** OEE per ISO week over the 52 weeks up to the chosen one. */
        TREND_WEEKS("reports.trendWeeks");

        final String key;

        Period(String key) {
            this.key = key;
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy");
    private final ResourceBundle text = com.ms5.floor.app.base.Messages.bundle();
    private final LiveValues live;
    private final ReportService reports;
    private final SetupTools files;
    private final com.ms5.floor.app.runtime.StationPlant plant;
    private final Clock clock;
    private final UiExecutor ui;

    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ObjectProperty<String> lineId = new SimpleObjectProperty<>();
    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(Period.SHIFT);
    private final ObjectProperty<LocalDate> day = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> lastDay = new SimpleObjectProperty<>();
    private final ObservableList<ShiftInstance> shifts = FXCollections.observableArrayList();
    private final ObjectProperty<ShiftInstance> shift = new SimpleObjectProperty<>();
    private final ObjectProperty<ShiftReport> report = new SimpleObjectProperty<>();
    private final ObservableList<String> machines = FXCollections.observableArrayList();
    /** The machine a trend is of, or "" for the whole line. */
    private final ObjectProperty<String> trendOf = new SimpleObjectProperty<>("");
    private final ObjectProperty<OeeTrend> trend = new SimpleObjectProperty<>();
    private final BooleanProperty reading = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private CompletableFuture<?> read;

    @Inject
    ReportsViewModel(LiveValues live, ReportService reports, SetupTools files, com.ms5.floor.app.runtime.StationPlant plant,
                     Clock clock, UiExecutor ui) {
        this.live = live;
        this.plant = plant;
        this.reports = reports;
        this.files = files;
        this.clock = clock;
        this.ui = ui;
        day.set(LocalDate.now(clock.withZone(ZoneId.systemDefault())).minusDays(1)); // yesterday's report is the usual question
        lastDay.set(day.get());
        lineId.addListener((o, old, id) -> {
            refreshShifts();
            refreshMachines();
        });
        day.addListener((o, old, d) -> refreshShifts());
    }

    @Override
    protected void onActivate() {
        follow(live, LiveKeys.LINES, ids -> {
            if (!ids.equals(lines)) {
                lines.setAll(ids);
            }
            if (lineId.get() == null && !ids.isEmpty()) {
                lineId.set(ids.getFirst());
            } else {
                refreshShifts(); // the calendar may have been read meanwhile
                refreshMachines();
            }
        });
    }

    public ObservableList<String> lines() {
        return lines;
    }

    public ObjectProperty<String> lineIdProperty() {
        return lineId;
    }

    public ObjectProperty<Period> periodProperty() {
        return period;
    }

    /** The day of a shift or day report, the first day of a week or of days from-to. */
    public ObjectProperty<LocalDate> dayProperty() {
        return day;
    }

    /** The last day of a days from-to report. */
    public ObjectProperty<LocalDate> lastDayProperty() {
        return lastDay;
    }

    /** The chosen line's shifts on the chosen day. */
    public ObservableList<ShiftInstance> shifts() {
        return shifts;
    }

    public ObjectProperty<ShiftInstance> shiftProperty() {
        return shift;
    }

    public ObjectProperty<ShiftReport> reportProperty() {
        return report;
    }

    /** The chosen line's machines, after "" for the whole line: what a trend can be of. */
    public ObservableList<String> machines() {
        return machines;
    }

    public ObjectProperty<String> trendOfProperty() {
        return trendOf;
    }

    public ObjectProperty<OeeTrend> trendProperty() {
        return trend;
    }

    /** Whether the chosen period is a trend rather than a report. */
    public static boolean isTrend(Period p) {
        return p == Period.TREND_DAYS || p == Period.TREND_WEEKS;
    }

    public BooleanProperty readingProperty() {
        return reading;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** A line's display name. */
    public String name(String id) {
        return plant.name(id);
    }

    /** The time zone of the chosen line's shifts. */
    ZoneId zone() {
        try {
            return lineId.get() == null ? ZoneId.systemDefault() : reports.calendar(lineId.get()).zone();
        } catch (IllegalStateException e) {
            return ZoneId.systemDefault(); // still starting
        }
    }

    String periodText(Period p) {
        return text.getString(p.key);
    }

    /** Reads the report (or the trend) of the chosen line and period; a read under way is cancelled first. */
    public void show() {
        if (lineId.get() == null) {
            return;
        }
        if (isTrend(period.get())) {
            showTrend();
            return;
        }
        TimeRange window;
        String title;
        try {
            ZoneId zone = reports.calendar(lineId.get()).zone();
            LocalDate first = day.get();
            switch (period.get()) {
                case SHIFT -> {
                    if (shift.get() == null) {
                        message.set(String.format(text.getString("reports.noShift"), DAY.format(first)));
                        return;
                    }
                    window = shift.get().span();
                    title = ReportService.period(shift.get());
                }
                case DAY -> {
                    window = days(first, first, zone);
                    title = DAY.format(first);
                }
                case WEEK -> {
                    LocalDate monday = first.with(DayOfWeek.MONDAY);
                    window = days(monday, monday.plusDays(6), zone);
                    title = Messages.format("reports.weekTitle", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                            monday.get(IsoFields.WEEK_BASED_YEAR), DAY.format(monday), DAY.format(monday.plusDays(6)));
                }
                default -> {
                    LocalDate last = lastDay.get() == null || lastDay.get().isBefore(first) ? first : lastDay.get();
                    window = days(first, last, zone);
                    title = DAY.format(first) + " to " + DAY.format(last);
                }
            }
        } catch (IllegalStateException e) {
            message.set(e.getMessage()); // the station is still starting
            return;
        }
        if (!window.start().isBefore(clock.instant())) {
            message.set(text.getString("reports.future"));
            return;
        }
        read(reports.build(lineId.get(), window, title, done -> ui.execute(() -> progress.set(done))), built -> {
            trend.set(null);
            report.set(built);
        });
    }

    private void showTrend() {
        boolean weeks = period.get() == Period.TREND_WEEKS;
        String of = trendOf.get() == null || trendOf.get().isEmpty() ? lineId.get() : trendOf.get();
        LocalDate last = day.get() == null ? LocalDate.now(clock.withZone(zone())) : day.get();
        read(reports.trend(of, weeks ? OeeTrend.Unit.WEEK : OeeTrend.Unit.DAY, weeks ? 52 : 90, last), read -> {
            report.set(null);
            trend.set(read);
        });
    }

    /** Runs one read at a time with progress and Cancel; {@code shown} takes its result on the FX thread. */
    private <T> void read(CompletableFuture<T> thisRead, java.util.function.Consumer<T> shown) {
        cancel();
        reading.set(true);
        progress.set(-1);
        message.set("");
        read = thisRead;
        thisRead.whenCompleteAsync((result, error) -> {
            if (read != thisRead) {
                return; // a newer read replaced it
            }
            reading.set(false);
            if (thisRead.isCancelled()) {
                message.set(text.getString("reports.cancelled"));
            } else if (error != null) {
                message.set(ErrorText.of(error));
            } else {
                shown.accept(result);
            }
        }, ui);
    }

    /** Stops a read under way. */
    public void cancel() {
        if (read != null && !read.isDone()) {
            read.cancel(false);
        }
    }

    /** A file name for the report shown: "report-line1-2026-12-06-early.pdf". */
    public String fileName(String extension) {
        ShiftReport r = report.get();
        String date = r == null ? "" : r.window().start().atZone(r.zone()).toLocalDate().toString();
        String what = r == null ? "" : r.period().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(Locale.ROOT);
        return "report-" + (r == null ? "" : r.lineId()) + "-" + date + "-" + what.replaceAll("^-|-$", "") + "." + extension;
    }

    /** Writes the report shown as PDF to {@code file}, off the FX thread. */
    public CompletableFuture<Path> exportPdf(Path file) {
        return export(file, r -> Files.write(file, ShiftReportPdf.of(r)));
    }

    /** Writes the report shown as CSV (UTF-8) to {@code file}, off the FX thread. */
    public CompletableFuture<Path> exportCsv(Path file) {
        return export(file, r -> Files.writeString(file, ShiftReportCsv.of(r), StandardCharsets.UTF_8));
    }

    private interface Writer {
        void write(ShiftReport report) throws Exception;
    }

    private CompletableFuture<Path> export(Path file, Writer writer) {
        ShiftReport r = report.get();
        if (r == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no report shown"));
        }
        CompletableFuture<Path> written = files.inBackground(() -> {
            writer.write(r);
            return file;
        });
        written.whenCompleteAsync((path, error) -> message.set(error != null
                ? String.format(text.getString("reports.exportFailed"), file, ErrorText.of(error))
                : String.format(text.getString("reports.exported"), r.period(), file)), ui);
        return written;
    }

    private void refreshMachines() {
        List<String> list = new java.util.ArrayList<>(List.of(""));
        try {
            if (lineId.get() != null) {
                list.addAll(reports.machinesOf(lineId.get()));
            }
        } catch (IllegalStateException e) {
            // still starting: the next list of lines asks again
        }
        if (!list.equals(machines)) {
            machines.setAll(list);
            trendOf.set("");
        }
    }

    private void refreshShifts() {
        List<ShiftInstance> list;
        try {
            list = lineId.get() == null || day.get() == null ? List.of() : reports.shiftsOn(lineId.get(), day.get());
        } catch (IllegalStateException e) {
            list = List.of(); // still starting: the next list of lines asks again
        }
        if (!list.equals(shifts)) {
            ShiftInstance chosen = shift.get();
            shifts.setAll(list);
            shift.set(list.stream().filter(s -> chosen != null && s.name().equals(chosen.name())).findFirst()
                    .orElse(list.isEmpty() ? null : list.getFirst()));
        }
    }

    private static TimeRange days(LocalDate first, LocalDate last, ZoneId zone) {
        return new TimeRange(first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
