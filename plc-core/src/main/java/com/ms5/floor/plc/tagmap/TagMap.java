package com.ms5.floor.plc.tagmap;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.ms5.floor.plc.api.AndonSignal;
import com.ms5.floor.plc.api.PlcState;
import com.ms5.floor.plc.api.Role;
import com.ms5.floor.plc.api.StateRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which controller tags feed which machine values: PLC connections with their scan classes, the
 * equipment (plant, lines, machines) and each machine's bindings. Immutable; loaded and saved by
 * {@link TagMapFile}, checked by {@link TagMapValidator}. The file format is documented in README
 * ("Tag maps").
 *
 * @param state the plant's state convention, which a machine without its own follows; {@code null}
 *              for MS5's standard ({@link #stateRule(Machine)})
 * @param andon the plant's Andon signals, which a machine without its own follows; {@code null}
 *              for MS5's Andon word
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TagMap(String plant, StateRule state, List<AndonSignal> andon, List<Connection> connections,
                     List<Line> lines) {
    public TagMap {
        andon = andon == null ? null : List.copyOf(andon);
        connections = List.copyOf(connections == null ? List.of() : connections);
        lines = List.copyOf(lines == null ? List.of() : lines);
    }

    /** A map in MS5's standard state and Andon conventions. */
    public TagMap(String plant, List<Connection> connections, List<Line> lines) {
        this(plant, null, null, connections, lines);
    }

    /**
     * A PLC connection: one PLC4X session.
     *
     * @param slot    Logix: the controller's slot in its chassis; ab-eth: the station number
     */
    public record Connection(String id, Driver driver, String host, int port, int slot, List<ScanClass> scanClasses) {
        public Connection {
            scanClasses = List.copyOf(scanClasses == null ? List.of() : scanClasses);
        }

        /** The PLC4X connection string. */
        @JsonIgnore
        public String url() {
            return switch (driver) {
                case LOGIX -> "logix://" + host + ":" + port + "?slot=" + slot;
                case AB_ETH -> "ab-eth:tcp://" + host + ":" + port + "?station=" + slot;
            };
        }

        public Optional<ScanClass> scanClass(String name) {
            return scanClasses.stream().filter(s -> s.name().equals(name)).findFirst();
        }

        public Connection withEndpoint(String newHost, int newPort) {
            return new Connection(id, driver, newHost, newPort, slot, scanClasses);
        }
    }

    /** A named scan period, for example {@code fast} = 100 ms. */
    public record ScanClass(String name, long periodMillis) {
    }

    public record Line(String id, String name, List<Machine> machines) {
        public Line {
            machines = List.copyOf(machines == null ? List.of() : machines);
        }
    }

    /**
     * A machine and the tags that describe it, all on one connection.
     *
     * @param state its own state convention, or {@code null} for the plant's
     * @param andon its own Andon signals, or {@code null} for the plant's
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Machine(String id, String name, String connection, List<Binding> bindings, StateRule state,
                          List<AndonSignal> andon) {
        public Machine {
            bindings = List.copyOf(bindings == null ? List.of() : bindings);
            andon = andon == null ? null : List.copyOf(andon);
        }

        /** A machine that follows the plant's conventions. */
        public Machine(String id, String name, String connection, List<Binding> bindings) {
            this(id, name, connection, bindings, null, null);
        }

        public Machine withName(String newName) {
            return new Machine(id, newName, connection, bindings, state, andon);
        }

        public Machine withConnection(String newConnection) {
            return new Machine(id, name, newConnection, bindings, state, andon);
        }

        public Machine withBindings(List<Binding> newBindings) {
            return new Machine(id, name, connection, newBindings, state, andon);
        }

        /** The machine with its own state rule, or following the plant's again ({@code null}). */
        public Machine withState(StateRule newState) {
            return new Machine(id, name, connection, bindings, newState, andon);
        }

        /** The machine with its own Andon signals, or following the plant's again ({@code null}). */
        public Machine withAndon(List<AndonSignal> newAndon) {
            return new Machine(id, name, connection, bindings, state, newAndon);
        }

        /** The binding that gives the signal of this name: a role's key ({@code faultCode}) or a custom name. */
        public Optional<Binding> signal(String signal) {
            return bindings.stream().filter(b -> b.role() != null
                    && signal.equals(b.role() == Role.CUSTOM ? b.name() : b.role().key())).findFirst();
        }

        public Optional<Binding> binding(Role role) {
            return bindings.stream().filter(b -> b.role() == role).findFirst();
        }
    }

    /**
     * One tag of a machine.
     *
     * @param name      only for {@link Role#CUSTOM}: the value's name within the machine
     * @param address   the tag without its type: {@code L1_Filler.TotalCount}, {@code Speeds[3]} (Logix);
     *                  {@code N10:2}, {@code N10:9/0} (SLC)
     * @param scaling   raw to engineering units, or {@code null}
     * @param deadband  a numeric value that moved less than this since the last one delivered is not a change
     * @param scanClass the name of one of the connection's scan classes
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Binding(Role role, String name, String address, DataType type, Scaling scaling, double deadband,
                          String scanClass) {
        /** The name its values carry in sample batches. */
        public String valueName(String machineId) {
            return role == Role.CUSTOM ? machineId + "." + name : role.valueName(machineId);
        }
    }

    /** Linear scaling: {@code rawLow..rawHigh} maps onto {@code engLow..engHigh}. */
    public record Scaling(double rawLow, double rawHigh, double engLow, double engHigh) {
        public double apply(double raw) {
            return engLow + (raw - rawLow) * (engHigh - engLow) / (rawHigh - rawLow);
        }
    }

    /**
     * How the machine's state is read: its own rule, else the plant's; else MS5's state word if it
     * binds one, else its running bit; {@code null} if it has neither (state from its counters).
     */
    public StateRule stateRule(Machine machine) {
        StateRule rule = machine.state() != null ? machine.state() : state;
        if (rule != null) {
            return rule;
        }
        if (machine.binding(Role.STATE).isPresent()) {
            return StateRule.MS5_STATE_WORD;
        }
        if (machine.binding(Role.RUNNING).isPresent()) {
            return StateRule.conditions(PlcState.DOWN, new StateRule.Condition(Role.RUNNING.key(), null, PlcState.RUNNING));
        }
        return null;
    }

    /** The signals that raise the machine's Andon calls: its own, else the plant's, else MS5's Andon word. */
    public List<AndonSignal> andonSignals(Machine machine) {
        return machine.andon() != null ? machine.andon() : andon != null ? andon : AndonSignal.MS5_ANDON_WORD;
    }

    public Optional<Connection> connection(String id) {
        return connections.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Every machine of every line, in order. */
    public List<Machine> machines() {
        List<Machine> all = new ArrayList<>();
        lines.forEach(line -> all.addAll(line.machines()));
        return all;
    }

    public Optional<Machine> machine(String id) {
        return machines().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public TagMap withConnections(List<Connection> newConnections) {
        return new TagMap(plant, state, andon, newConnections, lines);
    }

    public TagMap withLines(List<Line> newLines) {
        return new TagMap(plant, state, andon, connections, newLines);
    }

    /** The map with the plant's state convention and Andon signals ({@code null}: MS5's standard). */
    public TagMap withConventions(StateRule newState, List<AndonSignal> newAndon) {
        return new TagMap(plant, newState, newAndon, connections, lines);
    }

    /** The same map with one connection pointed elsewhere (demo mode: the virtual plant's ports). */
    public TagMap withEndpoint(String connectionId, String host, int port) {
        return withConnections(connections.stream()
                .map(c -> c.id().equals(connectionId) ? c.withEndpoint(host, port) : c).toList());
    }
}
