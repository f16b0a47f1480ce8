package com.ms5.floor.app.ui.audit;

import com.ms5.floor.app.model.AuditEntry;
import com.ms5.floor.app.runtime.AuditService;
import com.ms5.floor.app.runtime.SetupTools;
import com.ms5.floor.app.ui.ErrorText;
import com.ms5.floor.app.ui.UiExecutor;
import com.ms5.floor.app.ui.ViewModel;
import com.ms5.floor.plc.tagmap.BindingCsv;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Audit tab: the audit log over the last day, week or month, narrowed by a text, newest first,
 * and saved as CSV. Reads again when shown and when asked. FX thread; reads and writes elsewhere.
 */
public final class AuditViewModel extends ViewModel {
    /** How far back the tab reads. */
    public enum Range {
        DAY("audit.day", Duration.ofDays(1)), WEEK("audit.week", Duration.ofDays(7)), MONTH("audit.month", Duration.ofDays(31));

        final String key;
        final Duration length;

        Range(String key, Duration length) {
            this.key = key;
            this.length = length;
        }
    }

    private final ResourceBundle text = com.ms5.floor.app.base.Messages.bundle();
    private final AuditService audit;
    private final SetupTools files;
    private final UiExecutor ui;
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<Range> range = new SimpleObjectProperty<>(Range.WEEK);
    private final StringProperty filter = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private CompletableFuture<List<AuditEntry>> reading;

    @Inject
    AuditViewModel(AuditService audit, SetupTools files, UiExecutor ui) {
        this.audit = audit;
        this.files = files;
        this.ui = ui;
        range.addListener((o, old, r) -> reload());
    }

    @Override
    protected void onActivate() {
        reload();
    }

    public ObservableList<AuditEntry> entries() {
        return entries;
    }

    public ObjectProperty<Range> rangeProperty() {
        return range;
    }

    /** Text the entries must contain (station, person, action, subject or detail); blank for all. */
    public StringProperty filterProperty() {
        return filter;
    }

    public StringProperty messageProperty() {
        return message;
    }

    String rangeText(Range r) {
        return text.getString(r.key);
    }

    /** Reads the entries again, as the range and filter say; a read under way is dropped. */
    public void reload() {
        if (reading != null) {
            reading.cancel(false);
        }
        CompletableFuture<List<AuditEntry>> thisRead = audit.entries(range.get().length, filter.get());
        reading = thisRead;
        thisRead.whenCompleteAsync((read, error) -> {
            if (reading != thisRead || thisRead.isCancelled()) {
                return;
            }
            if (error != null) {
                message.set(ErrorText.of(error));
                return;
            }
            entries.setAll(read);
            message.set(String.format(text.getString(read.size() >= AuditService.SHOWN ? "audit.countCapped" : "audit.count"),
                    read.size(), rangeText(range.get()).toLowerCase(java.util.Locale.ROOT)));
        }, ui);
    }

    /** Writes the entries shown as CSV to {@code file}, off the FX thread. */
    public CompletableFuture<Path> exportCsv(Path file) {
        List<AuditEntry> shown = List.copyOf(entries);
        CompletableFuture<Path> written = files.inBackground(() -> {
            StringBuilder csv = new StringBuilder();
            BindingCsv.appendRecord(csv, List.of("at", "station", "who", "action", "subject", "detail"));
            for (AuditEntry e : shown) {
                BindingCsv.appendRecord(csv, List.of(e.at().toString(), e.station(), e.who(), e.action(), e.subject(), e.detail()));
            }
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            return file;
        });
        written.whenCompleteAsync((path, error) -> message.set(error != null
                ? String.format(text.getString("audit.exportFailed"), ErrorText.of(error))
                : String.format(text.getString("audit.exported"), shown.size(), file)), ui);
        return written;
    }
}
