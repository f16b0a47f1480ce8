package com.ms5.floor.app.ui.setup;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.plc.tagmap.TagMap;
import java.util.Map;
import java.util.function.Predicate;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/** The Setup tab's equipment tree: the plant, its PLC connections, and each line with its machines in flow order. */
final class EquipmentTree {
    private EquipmentTree() {
    }

    /** What a tree row shows: the plant, a group, a connection, a line or a machine, by id. */
    record Node(String kind, String id, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** A machine dropped before the machine at {@code before} of a line (the line's size: at its end). */
    interface Drop {
        void machine(String machineId, String lineId, int before);
    }

    /** The tree of {@code map}; machines whose bindings have a problem are marked. */
    static TreeItem<Node> items(TagMap map, Predicate<String> hasProblem) {
        TreeItem<Node> root = new TreeItem<>(new Node("plant", "", map.plant()));
        root.setExpanded(true);
        TreeItem<Node> connections = new TreeItem<>(new Node("group", "connections", Messages.get("tree.connections")));
        connections.setExpanded(true);
        map.connections().forEach(c -> connections.getChildren().add(new TreeItem<>(new Node("connection", c.id(),
                c.id() + "  (" + c.driver() + " " + c.host() + ")"))));
        root.getChildren().add(connections);
        for (TagMap.Line line : map.lines()) {
            TreeItem<Node> l = new TreeItem<>(new Node("line", line.id(), line.name()));
            l.setExpanded(true);
            line.machines().forEach(m -> l.getChildren().add(new TreeItem<>(new Node("machine", m.id(),
                    m.name() + "  [" + m.id() + "]" + (hasProblem.test(m.id()) ? "  ⚠" : "")))));
            root.getChildren().add(l);
        }
        return root;
    }

    /** Selects the item showing {@code wanted} (by kind and id) under {@code item}. */
    static void select(TreeView<Node> tree, TreeItem<Node> item, Node wanted) {
        for (TreeItem<Node> child : item.getChildren()) {
            if (child.getValue().kind().equals(wanted.kind()) && child.getValue().id().equals(wanted.id())) {
                tree.getSelectionModel().select(child);
                return;
            }
            select(tree, child, wanted);
        }
    }

    /** A tree row; a machine can be dragged onto another machine (to take its place) or onto a line (to end it). */
    static final class Cell extends TreeCell<Node> {
        private static final DataFormat MACHINE = new DataFormat("application/x-ms5-machine");

        private final Drop drop;

        Cell(Drop drop) {
            this.drop = drop;
            setOnDragDetected(e -> {
                if (getItem() != null && getItem().kind().equals("machine")) {
                    Dragboard board = startDragAndDrop(TransferMode.MOVE);
                    board.setContent(Map.of(MACHINE, getItem().id()));
                    e.consume();
                }
            });
            setOnDragOver(e -> {
                if (e.getDragboard().hasContent(MACHINE) && target() != null) {
                    e.acceptTransferModes(TransferMode.MOVE);
                }
                e.consume();
            });
            setOnDragDropped(e -> {
                String[] at = target();
                boolean done = e.getDragboard().hasContent(MACHINE) && at != null;
                if (done) {
                    drop.machine((String) e.getDragboard().getContent(MACHINE), at[0], Integer.parseInt(at[1]));
                }
                e.setDropCompleted(done);
                e.consume();
            });
        }

        /** Where a machine dropped here goes: {line id, index}, or null where it cannot go. */
        private String[] target() {
            Node node = getItem();
            if (node == null || getTreeItem() == null) {
                return null;
            }
            return switch (node.kind()) {
                case "line" -> new String[] {node.id(), String.valueOf(getTreeItem().getChildren().size())};
                case "machine" -> new String[] {getTreeItem().getParent().getValue().id(),
                        String.valueOf(getTreeItem().getParent().getChildren().indexOf(getTreeItem()))};
                default -> null;
            };
        }

        @Override
        protected void updateItem(Node node, boolean empty) {
            super.updateItem(node, empty);
            setText(empty || node == null ? null : node.text());
        }
    }
}
