package com.ms5.floor.plc.tagmap;

import com.ms5.floor.plc.api.PlcText;
import com.ms5.floor.plc.api.Role;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the tags of a Rockwell L5X export (Studio 5000 "Export…" of a controller or a program)
 * into rows an engineer picks bindings from: every readable value with its address, type and
 * description, and every unreadable one with the reason and what to do instead.
 *
 * <p>What is understood (element and attribute names from Rockwell's Logix 5000 Controllers
 * Import/Export reference, 1756-RM084): controller tags and program tags ({@code Tags/Tag} under
 * {@code Controller} and {@code Program}); base, produced, consumed and alias tags
 * ({@code TagType}, {@code AliasFor}); arrays ({@code Dimensions}); user-defined types
 * ({@code DataTypes/DataType/Members/Member}, with hidden SINT hosts and {@code BIT} members) and
 * Add-On Instruction parameters; the built-in TIMER, COUNTER and STRING structures (members as in
 * Logix 5000 Controllers I/O and Tag Data, 1756-PM004); descriptions of tags and of members
 * ({@code Description}, {@code Comments/Comment Operand=".MEMBER"}).
 *
 * <p>Pure function of the file; no I/O beyond the stream given.
 */
public final class L5xImport {
    /** An array tag with more elements than this is listed as one row: bind the elements needed by hand. */
    static final int MAX_ELEMENTS = 1024;
    private static final int MAX_DEPTH = 8;

    /** Built-in structures: member -> type (1756-PM004). */
    private static final Map<String, Map<String, String>> BUILT_IN = Map.of(
            "TIMER", ordered("PRE", "DINT", "ACC", "DINT", "EN", "BOOL", "TT", "BOOL", "DN", "BOOL"),
            "COUNTER", ordered("PRE", "DINT", "ACC", "DINT", "CU", "BOOL", "CD", "BOOL", "DN", "BOOL", "OV", "BOOL",
                    "UN", "BOOL"));

    private L5xImport() {
    }

    /**
     * One value the file offers.
     *
     * @param scope       {@code Controller} or {@code Program:<name>}
     * @param address     what a binding's address would be ({@code L1_Filler.TotalCount}, {@code Speeds[3]})
     * @param type        the value's type, or {@code null} if the file does not say or it cannot be read
     * @param description the tag's or member's description, or empty
     * @param problem     why PLC4X cannot read it and what to do, or {@code null} if it can be bound
     */
    public record Row(String scope, String address, DataType type, String description, String problem) {
        public boolean readable() {
            return problem == null;
        }

        /** The role its name suggests, {@link Role#CUSTOM} if none does. */
        public Role suggestedRole() {
            String last = address.substring(address.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            if (type == null) {
                return Role.CUSTOM;
            }
            if (type.isInteger() && (last.contains("good"))) {
                return Role.GOOD_COUNT;
            }
            if (type.isInteger() && (last.contains("reject") || last.contains("scrap") || last.contains("bad"))) {
                return Role.REJECT_COUNT;
            }
            if (type.isInteger() && (last.contains("total") || last.equals("count") || last.endsWith("counter"))) {
                return Role.TOTAL_COUNT;
            }
            if (type.isInteger() && last.contains("fault")) {
                return Role.FAULT_CODE;
            }
            if (type.isInteger() && last.contains("state")) {
                return Role.STATE;
            }
            if ((type == DataType.BOOL || type.isInteger()) && last.startsWith("run")) {
                return Role.RUNNING;
            }
            if (type.isNumeric() && last.contains("speed")) {
                return Role.SPEED;
            }
            if (type.isInteger() && last.contains("andon")) {
                return Role.ANDON;
            }
            if (last.contains("product") || last.contains("sku")) {
                return Role.PRODUCT_ID;
            }
            if (last.contains("job") || last.contains("order")) {
                return Role.JOB_ID;
            }
            return Role.CUSTOM;
        }
    }

    /** What the file holds: its controller and every row, in file order. */
    public record Result(String controller, String processor, List<Row> rows) {
        public Result {
            rows = List.copyOf(rows);
        }

        public long readableCount() {
            return rows.stream().filter(Row::readable).count();
        }
    }

    /**
     * @param source names the file in messages
     * @throws IllegalArgumentException if the file is not well-formed XML (with line and column) or
     *                                  not an L5X export
     */
    public static Result read(InputStream l5x, String source) {
        Document document = parse(l5x, source);
        Element root = document.getDocumentElement();
        if (!root.getTagName().equals("RSLogix5000Content")) {
            throw new IllegalArgumentException(PlcText.format("l5x.notL5x", source, root.getTagName()));
        }
        Element controller = child(root, "Controller");
        if (controller == null) {
            throw new IllegalArgumentException(PlcText.format("l5x.noController", source));
        }
        Map<String, Map<String, Member>> types = new HashMap<>();
        for (Element type : children(child(controller, "DataTypes"), "DataType")) {
            Map<String, Member> members = new java.util.LinkedHashMap<>();
            for (Element m : children(child(type, "Members"), "Member")) {
                if (!"true".equalsIgnoreCase(m.getAttribute("Hidden"))) {
                    members.put(m.getAttribute("Name"), new Member(m.getAttribute("DataType"),
                            m.getAttribute("Dimension"), description(m)));
                }
            }
            types.put(type.getAttribute("Name"), members);
        }
        for (Element aoi : children(child(controller, "AddOnInstructionDefinitions"), "AddOnInstructionDefinition")) {
            Map<String, Member> members = new java.util.LinkedHashMap<>();
            for (Element p : children(child(aoi, "Parameters"), "Parameter")) {
                if (!"InOut".equals(p.getAttribute("Usage"))) {
                    members.put(p.getAttribute("Name"), new Member(p.getAttribute("DataType"), p.getAttribute("Dimensions"),
                            description(p)));
                }
            }
            types.put(aoi.getAttribute("Name"), members);
        }
        BUILT_IN.forEach((name, members) -> {
            Map<String, Member> built = new java.util.LinkedHashMap<>();
            members.forEach((m, t) -> built.put(m, new Member(t, "0", "")));
            types.putIfAbsent(name, built);
        });

        Reader reader = new Reader(types);
        List<Element> controllerTags = children(child(controller, "Tags"), "Tag");
        controllerTags.forEach(tag -> reader.tag("Controller", "", tag, controllerTags));
        for (Element program : children(child(controller, "Programs"), "Program")) {
            String name = program.getAttribute("Name");
            List<Element> programTags = children(child(program, "Tags"), "Tag");
            programTags.forEach(tag -> reader.tag("Program:" + name, "Program:" + name + ".", tag, programTags));
        }
        return new Result(controller.getAttribute("Name"), controller.getAttribute("ProcessorType"), reader.rows);
    }

    private record Member(String dataType, String dimension, String description) {
        boolean array() {
            return !dimension.isBlank() && !dimension.strip().equals("0");
        }
    }

    private static final class Reader {
        final Map<String, Map<String, Member>> types;
        final List<Row> rows = new ArrayList<>();

        Reader(Map<String, Map<String, Member>> types) {
            this.types = types;
        }

        void tag(String scope, String prefix, Element tag, List<Element> sameScope) {
            String name = prefix + tag.getAttribute("Name");
            String description = description(tag);
            Map<String, String> comments = new HashMap<>();
            for (Element comment : children(child(tag, "Comments"), "Comment")) {
                comments.put(comment.getAttribute("Operand").toUpperCase(Locale.ROOT), comment.getTextContent().strip());
            }
            if ("Alias".equals(tag.getAttribute("TagType"))) {
                alias(scope, name, tag.getAttribute("AliasFor"), description, sameScope);
                return;
            }
            String dataType = tag.getAttribute("DataType");
            String dimensions = tag.getAttribute("Dimensions").strip();
            if (!dimensions.isEmpty() && !dimensions.equals("0")) {
                array(scope, name, dataType, dimensions, description);
            } else {
                value(scope, name, dataType, description, comments, "", 0);
            }
        }

        void array(String scope, String name, String dataType, String dimensions, String description) {
            String[] sizes = dimensions.split("[ ,]+");
            DataType atomic = atomic(dataType);
            if (sizes.length > 1) {
                rows.add(new Row(scope, name + "[" + String.join(",", sizes) + "]", atomic, description,
                        PlcText.get("l5x.multiDim")));
                return;
            }
            int size;
            try {
                size = Integer.parseInt(sizes[0]);
            } catch (NumberFormatException e) {
                rows.add(new Row(scope, name, atomic, description, PlcText.format("l5x.dimensions", dimensions)));
                return;
            }
            if (atomic == null) {
                rows.add(new Row(scope, name + "[0.." + (size - 1) + "]", null, description,
                        PlcText.format("l5x.arrayMembers", dataType, size)));
            } else if (atomic == DataType.BOOL) {
                rows.add(new Row(scope, name + "[0.." + (size - 1) + "]", atomic, description,
                        PlcText.get("l5x.boolArray")));
            } else if (size > MAX_ELEMENTS) {
                rows.add(new Row(scope, name + "[0.." + (size - 1) + "]", atomic, description, PlcText.format("l5x.tooMany", size, name)));
            } else {
                for (int i = 0; i < size; i++) {
                    row(scope, name + "[" + i + "]", atomic, dataType, description);
                }
            }
        }

        /** A scalar value: an atomic row, or a structure's members, recursively. */
        void value(String scope, String address, String dataType, String description, Map<String, String> comments,
                   String operand, int depth) {
            DataType atomic = atomic(dataType);
            if (atomic != null || dataType.equals("STRING")) {
                row(scope, address, atomic != null ? atomic : DataType.STRING, dataType, description);
                return;
            }
            Map<String, Member> members = types.get(dataType);
            if (members == null) {
                rows.add(new Row(scope, address, null, description, PlcText.format("l5x.noType", dataType)));
                return;
            }
            if (depth >= MAX_DEPTH) {
                rows.add(new Row(scope, address, null, description, PlcText.format("l5x.tooDeep", MAX_DEPTH)));
                return;
            }
            members.forEach((memberName, member) -> {
                String memberOperand = operand + "." + memberName.toUpperCase(Locale.ROOT);
                String text = comments.getOrDefault(memberOperand, member.description());
                String memberAddress = address + "." + memberName;
                if (member.array()) {
                    rows.add(new Row(scope, memberAddress + "[" + member.dimension().strip() + "]",
                            atomic(member.dataType()), text, PlcText.get("l5x.memberArray")));
                } else {
                    value(scope, memberAddress, member.dataType(), text, comments, memberOperand, depth + 1);
                }
            });
        }

        void alias(String scope, String name, String target, String description, List<Element> sameScope) {
            String base = target.split("[.\\[]", 2)[0];
            Element aliased = sameScope.stream().filter(t -> t.getAttribute("Name").equals(base)).findFirst().orElse(null);
            DataType type = aliased == null ? null : resolve(aliased, target.substring(base.length()));
            String text = description.isEmpty() && aliased != null ? description(aliased) : description;
            if (type == null) {
                rows.add(new Row(scope, name, null, text, PlcText.format("l5x.alias", target)));
            } else {
                row(scope, name, type, type.name(), text);
            }
        }

        /** The atomic type at {@code path} (".Member", "[3]", ".5" for a bit) below a tag, or null. */
        DataType resolve(Element tag, String path) {
            String dataType = tag.getAttribute("DataType");
            for (String part : path.replace("[", ".[").split("\\.")) {
                if (part.isEmpty() || part.startsWith("[")) {
                    continue; // an element: same type
                }
                DataType atomic = atomic(dataType);
                if (atomic != null && atomic.isInteger() && part.matches("\\d+")) {
                    return DataType.BOOL; // a bit of an integer
                }
                Map<String, Member> members = types.get(dataType);
                Member member = members == null ? null : members.entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase(part)).map(Map.Entry::getValue).findFirst().orElse(null);
                if (member == null) {
                    return null;
                }
                dataType = member.dataType();
            }
            return dataType.equals("STRING") ? DataType.STRING : atomic(dataType);
        }

        void row(String scope, String address, DataType type, String dataType, String description) {
            String problem = null;
            try {
                TagAddress.plc4x(Driver.LOGIX, address, type);
            } catch (TagAddress.InvalidAddressException e) {
                problem = e.getMessage();
            }
            rows.add(new Row(scope, address, type, description, problem));
        }
    }

    /** An atomic type by its Logix name (BIT is a UDT's bit member), or null for a structure. */
    private static DataType atomic(String logixName) {
        if (logixName.equals("BIT")) {
            return DataType.BOOL;
        }
        if (logixName.equals("STRING")) {
            return null;
        }
        try {
            return DataType.valueOf(logixName);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Document parse(InputStream in, String source) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // An export never has a DTD; refusing one keeps external entities out.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // no "[Fatal Error]" on stderr; the exception says it
            return builder.parse(in);
        } catch (SAXParseException e) {
            throw new IllegalArgumentException(PlcText.format("l5x.notXml", source, e.getLineNumber(), e.getColumnNumber(),
                    e.getMessage()), e);
        } catch (SAXException | ParserConfigurationException e) {
            throw new IllegalArgumentException(PlcText.format("l5x.notReadableXml", source, e.getMessage()), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(PlcText.format("l5x.notReadable", source, e.getMessage()), e);
        }
    }

    private static String description(Element e) {
        Element d = child(e, "Description");
        return d == null ? "" : d.getTextContent().strip();
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> list = new ArrayList<>();
        if (parent != null) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && e.getTagName().equals(name)) {
                    list.add(e);
                }
            }
        }
        return list;
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
