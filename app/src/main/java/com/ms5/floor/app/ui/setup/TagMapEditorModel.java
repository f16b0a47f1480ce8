package com.ms5.floor.app.ui.setup;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.plc.api.AndonSignal;
import com.ms5.floor.plc.api.Role;
import com.ms5.floor.plc.api.StateRule;
import com.ms5.floor.plc.tagmap.Driver;
import com.ms5.floor.plc.tagmap.L5xImport;
import com.ms5.floor.plc.tagmap.TagMap;
import com.ms5.floor.plc.tagmap.TagMapDiff;
import com.ms5.floor.plc.tagmap.TagMapValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The tag map being edited (undo, redo and the stored base in {@link EditHistory}); validation is
 * {@link TagMapValidator} over the whole map after each edit. FX thread only.
 */
final class TagMapEditorModel extends EditHistory<TagMap> {
    private List<TagMapValidator.Problem> problems;

    TagMapEditorModel(TagMap saved, int version) {
        super(saved, version);
        this.problems = TagMapValidator.problems(saved);
    }

    /** What would be stored, one line per change. */
    List<String> pendingChanges() {
        return TagMapDiff.between(saved(), current());
    }

    List<TagMapValidator.Problem> problems() {
        return problems;
    }

    /** The problems of one machine's bindings, by binding index. */
    Map<Integer, String> bindingProblems(String machineId) {
        String prefix = path(machineId) + ".bindings[";
        return problems.stream().filter(p -> p.path().startsWith(prefix)).collect(Collectors.toMap(
                p -> Integer.parseInt(p.path().substring(prefix.length(), p.path().indexOf(']', prefix.length()))),
                p -> p.path().substring(p.path().indexOf(']', prefix.length()) + 1).replaceFirst("^\\.", "") + ": "
                        + p.message(), (a, b) -> a + "; " + b));
    }

    /** The problems of a machine's state rule and Andon signals (not of its bindings), as "field: message". */
    List<String> conventionProblems(String machineId) {
        String at = path(machineId);
        return problems.stream().filter(p -> p.path().equals(at) || p.path().startsWith(at + ".state")
                        || p.path().startsWith(at + ".andon"))
                .map(p -> p.message()).toList();
    }

    /** The machine's own state rule, or {@code null} to follow the plant's. */
    void setStateRule(String machineId, StateRule rule) {
        editMachine(machineId, m -> m.withState(rule));
    }

    /** The machine's own Andon signals, or {@code null} to follow the plant's. */
    void setAndonSignals(String machineId, List<AndonSignal> signals) {
        editMachine(machineId, m -> m.withAndon(signals));
    }

    /**
     * Makes a machine's own state rule and Andon signals the plant's, which every machine without its
     * own follows; the machine then follows the plant's again.
     */
    void makePlantConvention(String machineId) {
        TagMap.Machine m = machine(machineId);
        TagMap map = current();
        StateRule state = m.state() != null ? m.state() : map.state();
        List<AndonSignal> andon = m.andon() != null ? m.andon() : map.andon();
        edit(next -> next.withConventions(state, andon).withLines(next.lines().stream().map(l -> new TagMap.Line(l.id(), l.name(),
                l.machines().stream().map(x -> x.id().equals(machineId) ? x.withState(null).withAndon(null) : x).toList())).toList()));
    }

    void setBinding(String machineId, int index, TagMap.Binding binding) {
        editBindings(machineId, list -> {
            list.set(index, binding);
            return list;
        });
    }

    /** Adds a binding for the first role the machine lacks, on its first scan class. */
    void addBinding(String machineId) {
        TagMap.Machine m = machine(machineId);
        Set<Role> bound = m.bindings().stream().map(TagMap.Binding::role).collect(Collectors.toSet());
        Role role = java.util.Arrays.stream(Role.values()).filter(r -> !bound.contains(r)).findFirst().orElse(Role.CUSTOM);
        String scan = current().connection(m.connection()).flatMap(c -> c.scanClasses().stream().findFirst())
                .map(TagMap.ScanClass::name).orElse("fast");
        editBindings(machineId, list -> {
            list.add(new TagMap.Binding(role, role == Role.CUSTOM ? "Value" + (list.size() + 1) : null, "",
                    com.ms5.floor.plc.tagmap.DataType.DINT, null, 0, scan));
            return list;
        });
    }

    void removeBindings(String machineId, List<Integer> indexes) {
        editBindings(machineId, list -> {
            List<TagMap.Binding> kept = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                if (!indexes.contains(i)) {
                    kept.add(list.get(i));
                }
            }
            return kept;
        });
    }

    /** Bulk edit: the same scan class for every selected binding. */
    void setScanClass(String machineId, List<Integer> indexes, String scanClass) {
        editBindings(machineId, list -> {
            for (int i : indexes) {
                TagMap.Binding b = list.get(i);
                list.set(i, new TagMap.Binding(b.role(), b.name(), b.address(), b.type(), b.scaling(), b.deadband(), scanClass));
            }
            return list;
        });
    }

    /** Adds the chosen L5X rows to a machine with their roles; a role already bound is replaced. */
    void addImported(String machineId, List<L5xImport.Row> rows, Map<L5xImport.Row, Role> roles, String scanClass) {
        editBindings(machineId, list -> {
            for (L5xImport.Row row : rows) {
                Role role = roles.getOrDefault(row, Role.CUSTOM);
                String name = role == Role.CUSTOM ? customName(row.address()) : null;
                TagMap.Binding binding = new TagMap.Binding(role, name, row.address(), row.type(), null, 0, scanClass);
                list.removeIf(b -> b.role() == role && (role != Role.CUSTOM || name.equals(b.name())));
                list.add(binding);
            }
            return list;
        });
    }

    /**
     * Copies one machine's bindings onto another, replacing {@code fromPrefix} at the start of each
     * address with {@code toPrefix} ("L1_Filler" -> "L2_Filler"). The target's bindings are replaced.
     */
    void copyBindings(String fromMachine, String toMachine, String fromPrefix, String toPrefix) {
        List<TagMap.Binding> copied = machine(fromMachine).bindings().stream().map(b -> new TagMap.Binding(b.role(), b.name(),
                !fromPrefix.isEmpty() && b.address().startsWith(fromPrefix) ? toPrefix + b.address().substring(fromPrefix.length())
                        : b.address(), b.type(), b.scaling(), b.deadband(), b.scanClass())).toList();
        editBindings(toMachine, list -> new ArrayList<>(copied));
    }

    /** The part of a machine's addresses before the first '.', if they all share it ("L1_Filler"). */
    String addressPrefix(String machineId) {
        List<String> heads = machine(machineId).bindings().stream().map(b -> b.address().split("[.\\[]", 2)[0]).distinct().toList();
        return heads.size() == 1 ? heads.get(0) : "";
    }

    void renameMachine(String machineId, String name) {
        editMachine(machineId, m -> m.withName(name));
    }

    void renameLine(String lineId, String name) {
        edit(map -> map.withLines(map.lines().stream()
                .map(l -> l.id().equals(lineId) ? new TagMap.Line(l.id(), name, l.machines()) : l).toList()));
    }

    /** Moves a machine up (-1) or down (+1) within its line; the order is the line's flow. */
    void moveMachine(String machineId, int by) {
        for (TagMap.Line l : current().lines()) {
            int at = l.machines().stream().map(TagMap.Machine::id).toList().indexOf(machineId);
            if (at >= 0 && at + by >= 0 && at + by < l.machines().size()) {
                moveMachineTo(machineId, l.id(), at + by);
            }
        }
    }

    /**
     * Puts a machine at {@code index} of a line (dragged there in the tree), taking it out of the
     * line it was on; {@code index} is its place once it has left its old one. Its id, and so its history, stays; from the new version on it counts for the
     * new line.
     */
    void moveMachineTo(String machineId, String lineId, int index) {
        TagMap.Machine moved = machine(machineId);
        edit(map -> map.withLines(map.lines().stream().map(l -> {
            List<TagMap.Machine> machines = new ArrayList<>(l.machines());
            machines.removeIf(m -> m.id().equals(machineId));
            if (l.id().equals(lineId)) {
                machines.add(Math.clamp(index, 0, machines.size()), moved);
            }
            return new TagMap.Line(l.id(), l.name(), machines);
        }).toList()));
    }

    /** Ids that equipment of the plant uses already, connections, lines and machines alike. */
    Set<String> usedIds() {
        Set<String> ids = new java.util.HashSet<>();
        current().connections().forEach(c -> ids.add(c.id()));
        current().lines().forEach(l -> ids.add(l.id()));
        current().machines().forEach(m -> ids.add(m.id()));
        return ids;
    }

    /**
     * A new PLC connection with the driver's usual port and two scan classes; its host is left for
     * the engineer, so the connection shows that problem until it is given.
     */
    void addConnection(String id, Driver driver, String host) {
        TagMap.Connection c = new TagMap.Connection(id, driver, host, driver.defaultPort(), driver == Driver.LOGIX ? 0 : 1,
                List.of(new TagMap.ScanClass("fast", 100), new TagMap.ScanClass("normal", 1000)));
        edit(map -> map.withConnections(append(map.connections(), c)));
    }

    void addLine(String id, String name) {
        edit(map -> map.withLines(append(map.lines(), new TagMap.Line(id, name, List.of()))));
    }

    /** A machine at the end of a line, without tags yet (Copy to machine or Import L5X gives them). */
    void addMachine(String lineId, String id, String name, String connection) {
        edit(map -> map.withLines(map.lines().stream().map(l -> l.id().equals(lineId)
                ? new TagMap.Line(l.id(), l.name(), append(l.machines(), new TagMap.Machine(id, name, connection, List.of())))
                : l).toList()));
    }

    /** Why a connection cannot be removed (machines still read through it, named), or null if it can. */
    String connectionInUse(String id) {
        List<String> users = current().machines().stream().filter(m -> m.connection().equals(id)).map(TagMap.Machine::id)
                .toList();
        return users.isEmpty() ? null : Messages.format("setup.connectionInUse", id, String.join(", ", users));
    }

    /** Takes a connection out; refused while machines read through it. */
    void removeConnection(String id) {
        String inUse = connectionInUse(id);
        if (inUse != null) {
            throw new IllegalStateException(inUse);
        }
        edit(map -> map.withConnections(map.connections().stream().filter(c -> !c.id().equals(id)).toList()));
    }

    /** Takes a line out with its machines; their history stays in the database under their ids. */
    void removeLine(String id) {
        edit(map -> map.withLines(map.lines().stream().filter(l -> !l.id().equals(id)).toList()));
    }

    void removeMachine(String id) {
        edit(map -> map.withLines(map.lines().stream().map(l -> new TagMap.Line(l.id(),
                l.name(), l.machines().stream().filter(m -> !m.id().equals(id)).toList())).toList()));
    }

    /** Moves a machine's tags to another connection (its addresses stay as they are). */
    void setMachineConnection(String machineId, String connection) {
        editMachine(machineId, m -> m.withConnection(connection));
    }

    private static <E> List<E> append(List<E> list, E element) {
        List<E> longer = new ArrayList<>(list);
        longer.add(element);
        return longer;
    }

    void setConnection(TagMap.Connection edited) {
        edit(map -> map.withConnections(map.connections().stream()
                .map(c -> c.id().equals(edited.id()) ? edited : c).toList()));
    }

    TagMap.Machine machine(String id) {
        return current().machine(id).orElseThrow(() -> new IllegalArgumentException("no machine " + id));
    }

    private void editBindings(String machineId, UnaryOperator<List<TagMap.Binding>> change) {
        editMachine(machineId, m -> m.withBindings(change.apply(new ArrayList<>(m.bindings()))));
    }

    private void editMachine(String machineId, UnaryOperator<TagMap.Machine> change) {
        edit(map -> map.withLines(map.lines().stream().map(l -> new TagMap.Line(l.id(), l.name(),
                l.machines().stream().map(m -> m.id().equals(machineId) ? change.apply(m) : m).toList())).toList()));
    }

    private void edit(UnaryOperator<TagMap> change) {
        replace(change.apply(current()));
    }

    @Override
    void validate() {
        problems = TagMapValidator.problems(current());
    }

    /** The validator's path of a machine: {@code lines[l].machines[m]}. */
    private String path(String machineId) {
        for (int l = 0; l < current().lines().size(); l++) {
            List<TagMap.Machine> machines = current().lines().get(l).machines();
            for (int m = 0; m < machines.size(); m++) {
                if (machines.get(m).id().equals(machineId)) {
                    return "lines[" + l + "].machines[" + m + "]";
                }
            }
        }
        return "?";
    }

    /** A custom binding's name from its address: the last member, letters, digits and _ only. */
    static String customName(String address) {
        String last = address.substring(address.lastIndexOf('.') + 1).replaceAll("[^A-Za-z0-9_]", "_");
        return Character.isLetter(last.charAt(0)) ? last : "T" + last;
    }

    /** Adds what the new-equipment dialog asked for; returns what to do next, in words. */
    String add(NewEquipmentDialog.NewEquipment e) {
        switch (e.kind()) {
            case CONNECTION -> addConnection(e.id(), e.driver(), e.host());
            case LINE -> addLine(e.id(), e.name());
            case MACHINE -> addMachine(e.line(), e.id(), e.name(), e.connection());
        }
        return switch (e.kind()) {
            case CONNECTION -> Messages.format("setup.addedConnection", e.id());
            case LINE -> Messages.format("setup.addedLine", e.id());
            case MACHINE -> Messages.format("setup.addedMachine", e.id(), e.line());
        };
    }

    /** What removing a machine, line or connection means once saved, for the question before it; null for anything else. */
    String removalConsequence(String kind, String id) {
        return switch (kind) {
            case "machine" -> Messages.format("setup.removeMachine", id);
            case "line" -> Messages.format("setup.removeLine", id, current().lines().stream().filter(l -> l.id().equals(id))
                    .findFirst().map(l -> l.machines().size()).orElse(0));
            case "connection" -> Messages.format("setup.removeConnection", id);
            default -> null;
        };
    }

    /** Takes a machine, line or connection out (after the engineer confirmed); returns what happened, in words. */
    String remove(String kind, String id) {
        switch (kind) {
            case "machine" -> removeMachine(id);
            case "line" -> removeLine(id);
            case "connection" -> removeConnection(id);
            default -> throw new IllegalArgumentException(kind);
        }
        return Messages.format("setup.removed", id);
    }
}
