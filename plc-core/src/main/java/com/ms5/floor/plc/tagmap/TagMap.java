package com.ms5.floor.plc.tagmap;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.ms5.floor.plc.api.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which controller tags feed which machine values: PLC connections with their scan classes, the
 * equipment (plant, lines, machines) and each machine's bindings. Immutable; loaded and saved by
 * {@link TagMapFile}, checked by {@link TagMapValidator}. The file format is documented in README
 * ("Tag maps").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TagMap(String plant, List<Connection> connections, List<Line> lines) {
    public TagMap {
        connections = List.copyOf(connections == null ? List.of() : connections);
        lines = List.copyOf(lines == null ? List.of() : lines);
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

    /** A machine and the tags that describe it, all on one connection. */
    public record Machine(String id, String name, String connection, List<Binding> bindings) {
        public Machine {
            bindings = List.copyOf(bindings == null ? List.of() : bindings);
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

    /** The same map with one connection pointed elsewhere (demo mode: the virtual plant's ports). */
    public TagMap withEndpoint(String connectionId, String host, int port) {
        return new TagMap(plant, connections.stream()
                .map(c -> c.id().equals(connectionId) ? c.withEndpoint(host, port) : c).toList(), lines);
    }
}
