package com.ms5.floor.plc.virtual;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A virtual plant described in JSON: controllers, lines of machines, fault codes, products and
 * jobs, and the shift calendar. The demo plant is {@code ms5/plant/demo-plant.json} in
 * src-resources; README ("The virtual plant") documents every field.
 */
public record PlantFile(String name, long seed, String timeZone, List<Shift> shifts, List<FaultCode> faultCodes,
                        List<Product> products, List<Controller> controllers, List<Line> lines, Convention convention) {

    /**
     * How the simulated PLC programs show a machine's state and Andon calls, so a tag map in a
     * plant's own convention can be tried; {@code null} for MS5's: state word 1-7, Andon bits 0-3.
     *
     * @param stateValues the state word's value for each simulated state, by name ({@link #STATES})
     * @param andonBits   the Andon word's bit for each call, by name ({@link #CALLS})
     */
    public record Convention(Map<String, Integer> stateValues, Map<String, Integer> andonBits) {
        /** The simulated states, in the order of {@link SimulatedMachine}'s state numbers 1-7. */
        public static final List<String> STATES = List.of("running", "stopped", "faulted", "starved", "blocked",
                "planned", "changeover");
        /** The calls, in the order of MS5's Andon bits 0-3. */
        public static final List<String> CALLS = List.of("maintenance", "quality", "material", "safety");

        /** The state word the PLC shows for a simulated state (1-7). */
        int state(int simulated) {
            return stateValues.get(STATES.get(simulated - 1));
        }

        /** The Andon word the PLC shows for MS5's Andon bits. */
        int andon(int ms5Bits) {
            int word = 0;
            for (int b = 0; b < CALLS.size(); b++) {
                if ((ms5Bits & 1 << b) != 0) {
                    word |= 1 << andonBits.get(CALLS.get(b));
                }
            }
            return word;
        }
    }

    /** The plant file without a convention of its own: the PLC programs speak MS5's. */
    public PlantFile(String name, long seed, String timeZone, List<Shift> shifts, List<FaultCode> faultCodes,
                     List<Product> products, List<Controller> controllers, List<Line> lines) {
        this(name, seed, timeZone, shifts, faultCodes, products, controllers, lines, null);
    }

    /** The state word a machine's PLC shows, in the plant's convention. */
    int stateWord(int simulated) {
        return convention == null ? simulated : convention.state(simulated);
    }

    /** The Andon word a machine's PLC shows, in the plant's convention. */
    int andonWord(int ms5Bits) {
        return convention == null ? ms5Bits : convention.andon(ms5Bits);
    }

    /** The same plant whose PLC programs speak another convention. */
    public PlantFile withConvention(Convention next) {
        return new PlantFile(name, seed, timeZone, shifts, faultCodes, products, controllers, lines, next);
    }

    /** A shift; outside all shifts the plant has no shift scheduled (planned stop). */
    public record Shift(String name, String start, String end, List<Break> breaks) {
    }

    /** A break in a shift: every machine is in planned stop. */
    public record Break(String start, int minutes) {
    }

    /** A fault a machine can have: its code in the PLC, what it means, how long repair takes on average. */
    public record FaultCode(int code, String text, double mttrMinutes, double weight) {
    }

    /** A product; a machine's ideal cycle for it is the machine's ideal cycle times {@code cycleFactor}. */
    public record Product(int id, String name, double cycleFactor) {
    }

    /**
     * A controller.
     *
     * @param driver  {@code logix} (EtherNet/IP) or {@code ab-eth} (SLC 5/05, CSP/PCCC)
     * @param port    TCP port on 127.0.0.1; 0 for any free one
     * @param product what a Logix controller reports as its product name
     */
    public record Controller(String id, String driver, int port, String product) {
    }

    /**
     * A line: machines in flow order with buffers between them, on one controller.
     *
     * @param jobs              the work orders the line runs in turn: product and quantity
     * @param changeoverMinutes how long a product change stops the line
     */
    public record Line(String id, String name, String controller, double changeoverMinutes, List<Job> jobs,
                       List<Machine> machines) {
    }

    /** A work order: {@code quantity} good parts of {@code product} at the line's last machine. */
    public record Job(int product, int quantity) {
    }

    /**
     * A machine.
     *
     * @param tag               Logix: the name of its MS5_Machine tag; ab-eth: its N file, as {@code N10}
     * @param speedFactor       actual speed as a share of ideal (speed loss)
     * @param bufferAfter       parts the conveyor after this machine holds (ignored for the last machine)
     * @param microStopsPerHour short stops (5-60 s) per running hour
     * @param faultCodes        the codes this machine can fault with (from the plant's table)
     */
    public record Machine(String id, String name, String tag, double idealCycleSeconds, double speedFactor,
                          double rejectRate, double mtbfMinutes, double microStopsPerHour, int bufferAfter,
                          List<Integer> faultCodes) {
    }

    private static final Pattern LOGIX_TAG = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,39}");
    private static final Pattern N_FILE = Pattern.compile("N([1-9][0-9]{0,2})");

    /**
     * Reads and validates a plant file.
     *
     * @param source names the file in messages
     * @throws IllegalArgumentException naming the file, the place and the problem
     */
    public static PlantFile load(InputStream json, String source) {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        PlantFile plant;
        try {
            plant = mapper.readValue(json, PlantFile.class);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(source + ": " + where(e.getPathReference(), e.getLocation()) + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": " + where(null, e.getLocation()) + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": cannot be read: " + e.getMessage(), e);
        }
        List<String> problems = plant.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(source + " has " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        }
        return plant;
    }

    private static String where(String path, JsonLocation location) {
        String at = location == null ? "" : "line " + location.getLineNr() + ", column " + location.getColumnNr();
        String field = path == null ? "" : " (" + path.replaceAll("com\\.ms5\\.floor\\.plc\\.virtual\\.PlantFile\\$?", "") + ")";
        return at + field + ": ";
    }

    /** Every problem of the file, each with where it is; empty when the plant can run. */
    List<String> problems() {
        List<String> p = new ArrayList<>();
        require(p, name != null && !name.isBlank(), "name: give the plant a name");
        try {
            ZoneId.of(timeZone == null ? "" : timeZone);
        } catch (DateTimeException e) {
            p.add("timeZone: '" + timeZone + "' is not a time zone (use e.g. Europe/Berlin or UTC)");
        }
        for (int i = 0; i < list(shifts).size(); i++) {
            Shift s = shifts.get(i);
            String at = "shifts[" + i + "]";
            time(p, s.start(), at + ".start");
            time(p, s.end(), at + ".end");
            for (int b = 0; b < list(s.breaks()).size(); b++) {
                time(p, s.breaks().get(b).start(), at + ".breaks[" + b + "].start");
                require(p, s.breaks().get(b).minutes() > 0, at + ".breaks[" + b + "].minutes must be positive");
            }
        }
        Set<Integer> codes = new HashSet<>();
        for (int i = 0; i < list(faultCodes).size(); i++) {
            FaultCode f = faultCodes.get(i);
            require(p, codes.add(f.code()), "faultCodes[" + i + "]: code " + f.code() + " is listed twice");
            require(p, f.code() > 0, "faultCodes[" + i + "].code must be positive (0 means no fault)");
            require(p, f.mttrMinutes() > 0, "faultCodes[" + i + "].mttrMinutes must be positive");
            require(p, f.weight() > 0, "faultCodes[" + i + "].weight must be positive");
        }
        Set<Integer> productIds = new HashSet<>();
        for (int i = 0; i < list(products).size(); i++) {
            require(p, productIds.add(products.get(i).id()), "products[" + i + "]: id " + products.get(i).id() + " is listed twice");
            require(p, products.get(i).cycleFactor() > 0, "products[" + i + "].cycleFactor must be positive");
        }
        Set<String> controllerIds = new HashSet<>();
        for (int i = 0; i < list(controllers).size(); i++) {
            Controller c = controllers.get(i);
            require(p, c.id() != null && controllerIds.add(c.id()), "controllers[" + i + "]: id missing or listed twice");
            require(p, "logix".equals(c.driver()) || "ab-eth".equals(c.driver()),
                    "controllers[" + i + "].driver must be 'logix' or 'ab-eth', was '" + c.driver() + "'");
            require(p, c.port() >= 0 && c.port() <= 65535, "controllers[" + i + "].port must be 0-65535");
        }
        if (convention != null) {
            conventionProblems(p);
        }
        require(p, !list(lines).isEmpty(), "lines: a plant needs at least one line");
        Set<String> machineIds = new HashSet<>();
        for (int i = 0; i < list(lines).size(); i++) {
            Line line = lines.get(i);
            String at = "lines[" + i + "]";
            Controller controller = controller(line.controller());
            require(p, controller != null, at + ".controller '" + line.controller() + "' is not one of the controllers");
            require(p, line.changeoverMinutes() >= 0, at + ".changeoverMinutes must not be negative");
            require(p, !list(line.jobs()).isEmpty(), at + ".jobs: a line needs at least one job");
            for (int j = 0; j < list(line.jobs()).size(); j++) {
                require(p, productIds.contains(line.jobs().get(j).product()),
                        at + ".jobs[" + j + "].product " + line.jobs().get(j).product() + " is not one of the products");
                require(p, line.jobs().get(j).quantity() > 0, at + ".jobs[" + j + "].quantity must be positive");
            }
            require(p, !list(line.machines()).isEmpty(), at + ".machines: a line needs at least one machine");
            Set<String> tags = new HashSet<>();
            for (int m = 0; m < list(line.machines()).size(); m++) {
                Machine machine = line.machines().get(m);
                String mat = at + ".machines[" + m + "]";
                require(p, machine.id() != null && machineIds.add(machine.id()), mat + ": id missing or used twice");
                require(p, machine.idealCycleSeconds() > 0, mat + ".idealCycleSeconds must be positive");
                require(p, machine.speedFactor() > 0 && machine.speedFactor() <= 1.2,
                        mat + ".speedFactor must be in (0, 1.2], was " + machine.speedFactor());
                require(p, machine.rejectRate() >= 0 && machine.rejectRate() < 1, mat + ".rejectRate must be in [0, 1)");
                require(p, machine.mtbfMinutes() > 0, mat + ".mtbfMinutes must be positive");
                require(p, machine.microStopsPerHour() >= 0, mat + ".microStopsPerHour must not be negative");
                require(p, m == line.machines().size() - 1 || machine.bufferAfter() > 0, mat + ".bufferAfter must be positive");
                require(p, !list(machine.faultCodes()).isEmpty(), mat + ".faultCodes: list the codes this machine can fault with");
                for (Integer code : list(machine.faultCodes())) {
                    require(p, codes.contains(code), mat + ".faultCodes: " + code + " is not in the plant's faultCodes");
                }
                if (controller != null && "ab-eth".equals(controller.driver())) {
                    require(p, machine.tag() != null && N_FILE.matcher(machine.tag()).matches()
                                    && Integer.parseInt(machine.tag().substring(1)) <= 255,
                            mat + ".tag must be an N file such as N10 on an SLC (file number up to 255), was '" + machine.tag() + "'");
                } else {
                    require(p, machine.tag() != null && LOGIX_TAG.matcher(machine.tag()).matches(),
                            mat + ".tag must be a Logix tag name (letters, digits, _; up to 40), was '" + machine.tag() + "'");
                }
                require(p, machine.tag() == null || tags.add(machine.tag()), mat + ".tag '" + machine.tag() + "' is used twice");
            }
        }
        return p;
    }

    private void conventionProblems(List<String> p) {
        Map<String, Integer> states = convention.stateValues() == null ? Map.of() : convention.stateValues();
        Map<String, Integer> bits = convention.andonBits() == null ? Map.of() : convention.andonBits();
        require(p, states.keySet().equals(Set.copyOf(Convention.STATES)),
                "convention.stateValues: give a value for each of " + Convention.STATES);
        require(p, Set.copyOf(states.values()).size() == states.size(), "convention.stateValues: each value once");
        require(p, bits.keySet().equals(Set.copyOf(Convention.CALLS)),
                "convention.andonBits: give a bit for each of " + Convention.CALLS);
        require(p, Set.copyOf(bits.values()).size() == bits.size(), "convention.andonBits: each bit once");
        require(p, bits.values().stream().allMatch(b -> b >= 0 && b <= 14),
                "convention.andonBits: bits are 0-14 (an SLC word is 16 bits and reads as a positive number)");
        require(p, states.values().stream().allMatch(v -> v >= 0 && v <= 32767),
                "convention.stateValues: values are 0-32767 (an SLC word reads as a positive number)");
    }

    public Controller controller(String id) {
        for (Controller c : list(controllers)) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        return null;
    }

    public Product product(int id) {
        for (Product product : products) {
            if (product.id() == id) {
                return product;
            }
        }
        throw new IllegalArgumentException("no product " + id);
    }

    public FaultCode faultCode(int code) {
        for (FaultCode f : faultCodes) {
            if (f.code() == code) {
                return f;
            }
        }
        throw new IllegalArgumentException("no fault code " + code);
    }

    private static void time(List<String> problems, String value, String at) {
        try {
            LocalTime.parse(value == null ? "" : value);
        } catch (DateTimeException e) {
            problems.add(at + " must be a time of day such as 06:00, was '" + value + "'");
        }
    }

    private static void require(List<String> problems, boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }
}
