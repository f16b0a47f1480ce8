package com.ms5.floor.app.ui.setup;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.app.model.ConfigVersion;
import com.ms5.floor.app.persistence.ConfigVersionRepository;
import com.ms5.floor.app.runtime.ConfigKind;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Every stored version of a configuration document with who saved it, when, and what it changed; the one
 * selected is compared with what the editor holds. "Load this version" puts it in the editor,
 * where saving makes it the newest version again: a rollback that keeps the history.
 */
final class VersionsDialog {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    record Rollback<T>(int version, T document) {
    }

    private VersionsDialog() {
    }

    static <T> Optional<Rollback<T>> ask(Window owner, ConfigKind<T> kind, List<ConfigVersion> versions,
                                         T editing) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Messages.format("versions.title", Messages.get("config." + kind.id())));
        dialog.setHeaderText(Messages.format("versions.header", versions.size()));
        ListView<ConfigVersion> list = new ListView<>();
        list.setId("versionList");
        list.getItems().setAll(versions);
        list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ConfigVersion item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Messages.format("versions.row", item.version(), item.author(),
                        TIME.format(item.createdAt()), item.summary()));
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        TextArea diff = new TextArea();
        diff.setId("versionDiff");
        diff.setEditable(false);
        diff.setWrapText(true);
        Label diffTitle = new Label(Messages.get("versions.select"));
        ButtonType load = new ButtonType(Messages.get("versions.load"), ButtonBar.ButtonData.OK_DONE);
        list.getSelectionModel().selectedItemProperty().addListener((o, old, v) -> {
            if (v == null) {
                return;
            }
            List<String> changes = kind.diff().apply(editing, kind.parse(v));
            diffTitle.setText(Messages.format("versions.wouldChange", v.version(), changes.size()));
            diff.setText(changes.isEmpty() ? Messages.format("versions.same", Messages.get("config." + kind.id()))
                    : String.join("\n", changes));
        });
        SplitPane split = new SplitPane(list, new VBox(6, diffTitle, diff));
        split.setDividerPositions(0.45);
        split.setPrefSize(1000, 480);
        dialog.getDialogPane().setContent(split);
        dialog.getDialogPane().getButtonTypes().setAll(load, ButtonType.CLOSE);
        dialog.getDialogPane().lookupButton(load).disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        return dialog.showAndWait().filter(b -> b == load).map(b -> {
            ConfigVersion v = list.getSelectionModel().getSelectedItem();
            return new Rollback<>(v.version(), kind.parse(v));
        });
    }
}
