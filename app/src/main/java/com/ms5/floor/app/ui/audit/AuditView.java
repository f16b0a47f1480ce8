package com.ms5.floor.app.ui.audit;

import com.ms5.floor.app.model.AuditEntry;
import com.ms5.floor.app.ui.DialogService;
import com.ms5.floor.app.ui.ShownAs;
import com.ms5.floor.app.ui.TextColumn;
import com.ms5.floor.app.ui.ViewModel;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;

/**
 * Controller of AuditView.fxml: who did what, when, from which station, newest first; a range, a
 * filter that narrows as it is typed (Enter reads again), and Export CSV. Shows its view model.
 */
public final class AuditView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm:ss").withZone(ZoneId.systemDefault());

    private final AuditViewModel model;
    private final DialogService dialogs;

    @FXML private ResourceBundle resources;
    @FXML private BorderPane root;
    @FXML private ComboBox<AuditViewModel.Range> rangeChoice;
    @FXML private TextField filter;
    @FXML private Label message;
    @FXML private TableView<AuditEntry> entries;

    @Inject
    AuditView(AuditViewModel model, DialogService dialogs) {
        this.model = model;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        rangeChoice.setItems(FXCollections.observableArrayList(AuditViewModel.Range.values()));
        rangeChoice.valueProperty().bindBidirectional(model.rangeProperty());
        rangeChoice.setConverter(ShownAs.text(r -> r == null ? "" : model.rangeText(r)));
        filter.textProperty().bindBidirectional(model.filterProperty());
        filter.setOnAction(e -> model.reload());
        message.textProperty().bind(model.messageProperty());
        entries.setItems(model.entries());
        entries.getColumns().setAll(List.of(
                TextColumn.of(resources.getString("audit.at"), e -> TIME.format(e.at())),
                TextColumn.of(resources.getString("audit.who"), AuditEntry::who),
                TextColumn.of(resources.getString("audit.station"), AuditEntry::station),
                TextColumn.of(resources.getString("audit.action"), AuditEntry::action),
                TextColumn.of(resources.getString("audit.subject"), AuditEntry::subject),
                TextColumn.of(resources.getString("audit.detail"), AuditEntry::detail)));
        entries.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        entries.setPlaceholder(new Label(resources.getString("audit.none")));
        root.getProperties().put(AuditView.class, this); // tests save files without the file chooser
        ViewModel.bind(root, model);
    }

    @FXML
    private void reload() {
        model.reload();
    }

    @FXML
    private void chooseExport() {
        dialogs.saveFile(root.getScene().getWindow(), resources.getString("audit.export"), "audit.csv")
                .ifPresent(this::exportCsv);
    }

    /** Saves the entries shown as CSV (the file chooser's choice lands here). */
    public CompletableFuture<Path> exportCsv(Path file) {
        return model.exportCsv(file);
    }

}
