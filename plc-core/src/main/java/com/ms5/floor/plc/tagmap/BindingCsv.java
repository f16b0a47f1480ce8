package com.ms5.floor.plc.tagmap;

import com.ms5.floor.plc.api.PlcText;
import com.ms5.floor.plc.api.Role;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A tag map's bindings as CSV (RFC 4180: comma separated, quoted where needed, CRLF), one row per
 * binding, for editing in a spreadsheet. {@link #export} then {@link #read} and {@link #apply}
 * gives back the same map exactly.
 *
 * <pre>machine,role,name,address,type,scanClass,deadband,rawLow,rawHigh,engLow,engHigh</pre>
 *
 * The four scaling columns are all empty (no scaling) or all numbers.
 */
public final class BindingCsv {
    static final List<String> HEADER = List.of("machine", "role", "name", "address", "type", "scanClass", "deadband",
            "rawLow", "rawHigh", "engLow", "engHigh");

    private BindingCsv() {
    }

    /**
     * One data row of a file.
     *
     * @param line     its line number in the file (the header is line 1)
     * @param binding  what it says, or {@code null} if it cannot be read at all
     * @param problems what is wrong with it, each saying what to do; empty if it can be applied
     */
    public record Row(int line, String machineId, TagMap.Binding binding, List<String> problems) {
        public Row {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * The text of a CSV file as a spreadsheet saved it: UTF-8 (with or without its byte order mark),
     * or else Windows-1252, which Excel writes on a Western European Windows ("Füllstand" stays
     * itself instead of failing with "Input length = 1").
     */
    public static String text(byte[] file) {
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(file)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(file, java.nio.charset.Charset.forName("windows-1252"));
        }
    }

    /** Every binding of every machine, in the map's order. */
    public static String export(TagMap map) {
        StringBuilder out = new StringBuilder();
        appendRecord(out, HEADER);
        for (TagMap.Machine m : map.machines()) {
            for (TagMap.Binding b : m.bindings()) {
                TagMap.Scaling s = b.scaling();
                appendRecord(out, List.of(m.id(), b.role().name(), b.name() == null ? "" : b.name(), b.address(), b.type().name(),
                        b.scanClass(), number(b.deadband()), s == null ? "" : number(s.rawLow()),
                        s == null ? "" : number(s.rawHigh()), s == null ? "" : number(s.engLow()),
                        s == null ? "" : number(s.engHigh())));
            }
        }
        return out.toString();
    }

    /**
     * Reads every row and checks it against {@code map}: the machine must exist, and the binding
     * must be valid on the machine's connection ({@link TagMapValidator#binding}).
     *
     * @throws IllegalArgumentException if the file is not this CSV at all (no such header)
     */
    public static List<Row> read(String csv, TagMap map) {
        List<List<String>> records = parse(csv);
        if (records.isEmpty() || !lower(records.get(0)).equals(HEADER.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList())) {
            throw new IllegalArgumentException(PlcText.format("csv.header", String.join(",", HEADER),
                    records.isEmpty() ? PlcText.get("csv.emptyFile") : String.join(",", records.get(0))));
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Set<String>> taken = new LinkedHashMap<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> r = records.get(i);
            if (r.size() == 1 && r.get(0).isBlank()) {
                continue; // an empty line
            }
            rows.add(row(i + 1, r, map, taken));
        }
        return rows;
    }

    private static Row row(int line, List<String> r, TagMap map, Map<String, Set<String>> taken) {
        List<String> problems = new ArrayList<>();
        if (r.size() != HEADER.size()) {
            problems.add(PlcText.format("csv.columns", r.size(), HEADER.size()));
            return new Row(line, r.get(0), null, problems);
        }
        String machineId = r.get(0).strip();
        TagMap.Machine machine = map.machine(machineId).orElse(null);
        if (machine == null) {
            problems.add(PlcText.format("csv.noMachine", machineId));
        }
        Role role = parseEnum(Role.class, r.get(1), "role", problems);
        DataType type = parseEnum(DataType.class, r.get(4), "type", problems);
        Double deadband = parseNumber(r.get(6), "deadband", problems);
        TagMap.Scaling scaling = null;
        List<String> scale = r.subList(7, 11);
        if (scale.stream().allMatch(String::isBlank)) {
            scaling = null;
        } else if (scale.stream().anyMatch(String::isBlank)) {
            problems.add(PlcText.get("csv.scaling"));
        } else {
            Double rl = parseNumber(scale.get(0), "rawLow", problems);
            Double rh = parseNumber(scale.get(1), "rawHigh", problems);
            Double el = parseNumber(scale.get(2), "engLow", problems);
            Double eh = parseNumber(scale.get(3), "engHigh", problems);
            if (rl != null && rh != null && el != null && eh != null) {
                scaling = new TagMap.Scaling(rl, rh, el, eh);
            }
        }
        if (role == null || type == null || deadband == null) {
            return new Row(line, machineId, null, problems);
        }
        String name = r.get(2).strip();
        TagMap.Binding binding = new TagMap.Binding(role, name.isEmpty() ? null : name, r.get(3).strip(), type, scaling,
                deadband, r.get(5).strip());
        if (machine != null) {
            List<TagMapValidator.Problem> found = new ArrayList<>();
            TagMapValidator.binding(found, "", binding, map.connection(machine.connection()).orElse(null));
            found.forEach(p -> problems.add(p.path().replaceFirst("^\\.", "") + ": " + p.message()));
            if (role == Role.CUSTOM && !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
                problems.add(PlcText.get("csv.customName"));
            }
            String key = role == Role.CUSTOM ? "custom " + name : role.name();
            if (!taken.computeIfAbsent(machineId, k -> new HashSet<>()).add(key)) {
                problems.add(PlcText.format("csv.boundTwice", key, machineId));
            }
        }
        return new Row(line, machineId, binding, problems);
    }

    /**
     * The map with the bindings of every machine named in {@code rows} replaced by those rows, in
     * file order; machines the file does not name keep theirs.
     *
     * @throws IllegalArgumentException if a row has problems: nothing is applied then
     */
    public static TagMap apply(TagMap map, List<Row> rows) {
        List<Row> bad = rows.stream().filter(r -> !r.ok()).toList();
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException(PlcText.format("csv.rowsBad", bad.size(), bad.get(0).line(),
                    String.join("; ", bad.get(0).problems())));
        }
        Map<String, List<TagMap.Binding>> byMachine = new LinkedHashMap<>();
        rows.forEach(r -> byMachine.computeIfAbsent(r.machineId(), k -> new ArrayList<>()).add(r.binding()));
        return map.withLines(map.lines().stream().map(line -> new TagMap.Line(line.id(),
                line.name(), line.machines().stream().map(m -> byMachine.containsKey(m.id())
                        ? m.withBindings(byMachine.get(m.id())) : m).toList())).toList());
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text, String column, List<String> problems) {
        String wanted = text.strip();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(wanted) || (e instanceof Role role && role.key().equalsIgnoreCase(wanted))) {
                return e;
            }
        }
        problems.add(PlcText.format("csv.notOneOf", column, wanted, java.util.Arrays.toString(type.getEnumConstants())));
        return null;
    }

    private static Double parseNumber(String text, String column, List<String> problems) {
        try {
            double d = Double.parseDouble(text.strip());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(PlcText.format("csv.notNumber", column, text.strip()));
        return null;
    }

    /** Whole numbers without ".0"; others as Java writes them, which reads back to the same double. */
    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    /** Appends one RFC 4180 record (quoted where a field needs it, CRLF at the end); also for other exports. */
    public static void appendRecord(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            String f = fields.get(i);
            if (i > 0) {
                out.append(',');
            }
            if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
                out.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                out.append(f);
            }
        }
        out.append("\r\n");
    }

    /** RFC 4180 records; also takes LF line ends and a UTF-8 byte order mark (spreadsheets write one). */
    static List<List<String>> parse(String csv) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    private static List<String> lower(List<String> fields) {
        return fields.stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
    }
}
