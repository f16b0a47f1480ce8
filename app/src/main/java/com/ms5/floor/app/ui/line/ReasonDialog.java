package com.ms5.floor.app.ui.line;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.analytics.downtime.DowntimeEvent;
import com.ms5.floor.analytics.downtime.ReasonTree;
import com.ms5.floor.app.runtime.DowntimeService;
import com.ms5.floor.app.ui.ErrorText;
import com.ms5.floor.app.base.TimeText;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Gives a stop its reason: a search field over the reason tree (type, arrow down, Enter), a
 * comment, and a split at a time of day for a stop that had two causes. It shows every earlier
 * edit with who made it. Saving goes to the database off the FX thread; if someone else changed
 * the stop meanwhile the dialog stays open and says who.
 */
final class ReasonDialog {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ResourceBundle text;
    private final DowntimeService downtime;
    /** Where the answers of the database come back: the FX thread. */
    private final java.util.concurrent.Executor ui;
    private final ReasonTree reasons;
    private final DowntimeEvent stop;
    private final Consumer<String> done;
    private final TextField search = new TextField();
    private final TreeView<ReasonTree.Node> tree = new TreeView<>();
    private final TextField comment = new TextField();
    private final TextField splitAt = new TextField();
    private final Label problem = new Label();
    private final ButtonType save;

    /** @param done receives what happened, in words, once the change is stored */
    ReasonDialog(Window owner, ResourceBundle text, DowntimeService downtime, java.util.concurrent.Executor ui, ReasonTree reasons, DowntimeEvent stop,
                 String machine, Consumer<String> done) {
        this.text = text;
        this.downtime = downtime;
        this.ui = ui;
        this.reasons = reasons;
        this.stop = stop;
        this.done = done;
        dialog.initOwner(owner);
        dialog.setTitle(text.getString("reason.title"));
        dialog.setHeaderText(machine + " · " + text.getString("state." + stop.state().name()) + " · "
                + CLOCK.format(stop.start()) + " – " + CLOCK.format(stop.end()) + " (" + TimeText.length(stop.seconds())
                + ")" + (stop.faultCode() != 0 ? " · " + text.getString("line.fault") + " " + stop.faultCode() : ""));
        save = new ButtonType(text.getString("reason.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        dialog.getDialogPane().getStyleClass().add("reason-dialog");

        search.setId("reasonSearch");
        search.setPromptText(text.getString("reason.search"));
        tree.setId("reasonTree");
        tree.setShowRoot(false);
        tree.setPrefSize(560, 300);
        tree.setCellFactory(view -> new javafx.scene.control.TreeCell<>() {
            @Override
            protected void updateItem(ReasonTree.Node node, boolean empty) {
                super.updateItem(node, empty);
                setText(empty || node == null ? null : node.name() + "   (" + Messages.category(node.category()) + ")");
            }
        });
        comment.setId("reasonComment");
        comment.setPromptText(text.getString("reason.comment"));
        if (stop.comment() != null) {
            comment.setText(stop.comment());
        }
        splitAt.setId("splitAt");
        splitAt.setPromptText("HH:mm:ss");
        splitAt.setPrefColumnCount(8);
        Button split = new Button(text.getString("reason.split"));
        split.setId("splitButton");
        split.setOnAction(e -> split());
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);

        VBox history = new VBox(2);
        history.getChildren().add(new Label(stop.history().isEmpty() ? text.getString("reason.noEdits")
                : text.getString("reason.edits")));
        for (DowntimeEvent.Edit edit : stop.history()) {
            history.getChildren().add(new Label("  " + CLOCK.format(edit.at()) + "  " + edit.who() + ": " + edit.action()));
        }
        VBox content = new VBox(8, search, tree, comment,
                new HBox(8, new Label(text.getString("reason.splitAt")), splitAt, split), history, problem);
        content.setPrefWidth(600);
        dialog.getDialogPane().setContent(content);

        search.textProperty().addListener((o, old, now) -> filter(now));
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) {
                tree.requestFocus();
                if (tree.getSelectionModel().isEmpty()) {
                    tree.getSelectionModel().selectFirst();
                }
                e.consume();
            }
        });
        Node saveButton = dialog.getDialogPane().lookupButton(save);
        saveButton.disableProperty().bind(tree.getSelectionModel().selectedItemProperty().isNull());
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog closes once the database has the change, not before
            saveReason();
        });
        filter("");
        if (reasons.contains(stop.reasonId()) && !ReasonTree.UNASSIGNED.equals(stop.reasonId())) {
            select(stop.reasonId());
        }
        Platform.runLater(search::requestFocus);
    }

    void show() {
        dialog.show();
    }

    /** Shows the nodes whose path matches the search, with their parents, all expanded. */
    private void filter(String words) {
        List<ReasonTree.Node> matches = reasons.search(words);
        Set<String> shown = new HashSet<>();
        for (ReasonTree.Node n : matches) {
            for (ReasonTree.Node p = n; p != null && shown.add(p.id()); p = p.parentId() == null ? null : reasons.node(p.parentId())) {
                // the parents of a match stay visible, so the match keeps its place in the tree
            }
        }
        TreeItem<ReasonTree.Node> root = new TreeItem<>();
        Map<String, TreeItem<ReasonTree.Node>> items = new HashMap<>();
        for (ReasonTree.Node n : reasons.nodes()) {
            if (!shown.contains(n.id()) || ReasonTree.UNASSIGNED.equals(n.id())) {
                continue;
            }
            TreeItem<ReasonTree.Node> item = new TreeItem<>(n);
            item.setExpanded(true);
            items.put(n.id(), item);
            (n.parentId() == null ? root : items.get(n.parentId())).getChildren().add(item);
        }
        tree.setRoot(root);
        if (!words.isBlank() && !matches.isEmpty()) {
            matches.stream().filter(n -> items.containsKey(n.id())).findFirst().ifPresent(n -> select(n.id()));
        }
    }

    private void select(String reasonId) {
        for (int i = 0; i < tree.getExpandedItemCount(); i++) {
            TreeItem<ReasonTree.Node> item = tree.getTreeItem(i);
            if (item != null && item.getValue().id().equals(reasonId)) {
                tree.getSelectionModel().select(i);
                tree.scrollTo(i);
                return;
            }
        }
    }

    private void saveReason() {
        TreeItem<ReasonTree.Node> chosen = tree.getSelectionModel().getSelectedItem();
        if (chosen == null) {
            return;
        }
        ReasonTree.Node reason = chosen.getValue();
        problem.setText(text.getString("reason.saving"));
        downtime.assignReason(stop, reason.id(), comment.getText().strip())
                .whenCompleteAsync((saved, error) -> {
                    if (error != null) {
                        problem.setText(ErrorText.of(error));
                    } else {
                        dialog.close();
                        done.accept(String.format(text.getString("reason.saved"), reasons.path(reason.id())));
                    }
                }, ui);
    }

    private void split() {
        Instant at;
        try {
            LocalTime time = LocalTime.parse(splitAt.getText().strip());
            // The time of day on the stop's own date (a stop across midnight: the later day if that fits).
            var zone = ZoneId.systemDefault();
            at = stop.start().atZone(zone).toLocalDate().atTime(time).atZone(zone).toInstant();
            if (!at.isAfter(stop.start())) {
                at = at.plus(java.time.Duration.ofDays(1));
            }
        } catch (DateTimeParseException e) {
            problem.setText(String.format(text.getString("reason.badTime"), splitAt.getText()));
            return;
        }
        if (!at.isAfter(stop.start()) || !at.isBefore(stop.end())) {
            problem.setText(String.format(text.getString("reason.outside"), splitAt.getText(), CLOCK.format(stop.start()),
                    CLOCK.format(stop.end())));
            return;
        }
        Instant cut = at;
        problem.setText(text.getString("reason.saving"));
        downtime.splitStop(stop, cut)
                .whenCompleteAsync((parts, error) -> {
                    if (error != null) {
                        problem.setText(ErrorText.of(error));
                    } else {
                        dialog.close();
                        done.accept(String.format(text.getString("reason.splitDone"), CLOCK.format(cut)));
                    }
                }, ui);
    }
}
