package com.ms5.floor.app.ui;

import com.ms5.floor.app.base.Messages;
import com.google.common.base.Throwables;
import jakarta.inject.Singleton;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Every standard dialog the app shows: file choosers, a confirmation, an error. FX thread. */
@Singleton
public final class DialogService {
    /** The file to read, chosen by the person, among files matching {@code patterns} ("*.csv"). */
    public Optional<Path> openFile(Window owner, String title, String filterName, String... patterns) {
        FileChooser chooser = chooser(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, patterns));
        return path(chooser.showOpenDialog(owner));
    }

    /** The file to write, {@code initialName} offered. */
    public Optional<Path> saveFile(Window owner, String title, String initialName) {
        FileChooser chooser = chooser(title);
        chooser.setInitialFileName(initialName);
        return path(chooser.showSaveDialog(owner));
    }

    /** Asks before something that cannot be taken back at once; true on OK. */
    public boolean confirm(Window owner, String title, String question, String consequence) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, consequence, ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(owner);
        confirm.setTitle(title);
        confirm.setHeaderText(question);
        return confirm.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    /**
     * The arithmetic behind an OEE figure, beside the window it was clicked in; it does not wait
     * for OK, so the live figures go on updating behind it.
     */
    public void showArithmetic(Window owner, String title, String formula, java.util.List<OeeArithmetic.Row> rows) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.initModality(javafx.stage.Modality.NONE);
        alert.setTitle(title);
        alert.setHeaderText(formula);
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(16);
        grid.setVgap(3);
        grid.getStyleClass().add("oee-arithmetic");
        for (int i = 0; i < rows.size(); i++) {
            javafx.scene.control.Label value = new javafx.scene.control.Label(rows.get(i).value());
            value.setWrapText(true); // a long warning wraps instead of widening the dialog
            value.setMaxWidth(620);
            grid.addRow(i, new javafx.scene.control.Label(rows.get(i).what()), value);
        }
        alert.getDialogPane().setContent(grid);
        alert.show();
    }

    /** An error nobody expected: what happened, what it affects and what to do, with the stack trace to expand. */
    public void error(String what, String whatToDo, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle(Messages.get("error.title"));
        alert.setHeaderText(what);
        alert.setContentText(whatToDo);
        TextArea details = new TextArea(Throwables.getStackTraceAsString(error));
        details.setEditable(false);
        alert.getDialogPane().setExpandableContent(details);
        alert.showAndWait();
    }

    private static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        return chooser;
    }

    private static Optional<Path> path(File file) {
        return Optional.ofNullable(file).map(File::toPath);
    }
}
