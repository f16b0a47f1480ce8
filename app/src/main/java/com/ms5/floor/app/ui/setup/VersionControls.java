package com.ms5.floor.app.ui.setup;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.app.runtime.ConfigKind;
import com.ms5.floor.app.ui.ErrorText;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/**
 * What the Setup and Rules tabs share around their editor: the version line ("Tag map version 3,
 * 2 unsaved change(s)"), Undo and Redo, Versions… with its rollback, and Save as new version
 * (off the FX thread, through the tab's {@link ConfigEditorViewModel}).
 */
final class VersionControls<T> {
    private final ConfigKind<T> kind;
    private final ConfigEditorViewModel<T, ?> model;
    private final Label versionLabel;
    private final Label status;
    private final Button undoButton;
    private final Button redoButton;
    private final Button saveButton;

    VersionControls(ConfigEditorViewModel<T, ?> model, Label versionLabel, Label status, Button undoButton,
                    Button redoButton, Button saveButton) {
        this.kind = model.kind();
        this.model = model;
        this.versionLabel = versionLabel;
        this.status = status;
        this.undoButton = undoButton;
        this.redoButton = redoButton;
        this.saveButton = saveButton;
        saveButton.setDisable(true);
    }

    /** A text field's edit counts on Enter and when focus leaves it. */
    static void onCommit(TextField field, Runnable commit) {
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                commit.run();
            }
        });
    }

    /** Shows where the edits stand; Save only with changes and no problems. */
    void show(EditHistory<T> model, int changes, int problems) {
        undoButton.setDisable(!model.canUndo());
        redoButton.setDisable(!model.canRedo());
        saveButton.setDisable(changes == 0 || problems > 0);
        String title = Messages.get("config." + kind.id() + ".title");
        versionLabel.setText((model.savedVersion() == 0 ? Messages.format("versions.notStored", title)
                : Messages.format("versions.version", title, model.savedVersion()))
                + (changes == 0 ? (model.savedVersion() == 0 ? "" : Messages.get("versions.saved"))
                : Messages.format("versions.unsaved", changes))
                + (problems == 0 ? "" : Messages.format("versions.problems", problems)));
    }

    /** Versions…: the list, and the chosen one loaded into the editor (saving it is the rollback). */
    void showVersions(EditHistory<T> editor) {
        model.versions().whenComplete((versions, error) -> {
            if (error != null) {
                status.setText(ErrorText.of(error));
                return;
            }
            VersionsDialog.ask(status.getScene().getWindow(), kind, versions, editor.current()).ifPresent(rollback -> {
                editor.replace(rollback.document());
                status.setText(Messages.format("versions.loaded", rollback.version()));
            });
        });
    }

    /** Save as new version; {@code redraw} shows the editor again if the save is refused. */
    void save(String savedText, Runnable redraw) {
        saveButton.setDisable(true);
        status.setText(Messages.get("versions.saving"));
        model.save().whenComplete((version, error) -> {
            if (error != null) {
                status.setText(ErrorText.of(error));
                redraw.run();
                return;
            }
            status.setText(Messages.format("versions.savedAs", Messages.get("config." + kind.id()), version, savedText));
        });
    }
}
