package com.ms5.floor.plc.virtual;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The controller's Message Router: the CIP services a Logix client sends, explicit messages
 * either unconnected or over a class-3 connection.
 *
 * <p>Served: GetAttributesAll (0x01) and GetAttributeSingle (0x0E) on the Message Router and the Identity object,
 * Multiple Service Packet (0x0A), Read Tag (0x4C), Write Tag (0x4D), Read Tag Fragmented (0x52),
 * Write Tag Fragmented (0x53) and Get Instance Attribute List (0x55) on the Symbol object (0x6B);
 * Get Attribute List (0x03) and Read Template (0x4C) on the Template object (0x6C), which describes
 * each structure a tag or member has, as clients that decode UDTs by their template ask; and Get
 * Attribute List on the Wall Clock Time object (0x8B), which the router's object list advertises.
 * Codes and layouts: CIP Vol. 1 (appendix A services, B status, C paths and types) and
 * Logix 5000 Data Access (Rockwell publication 1756-PM020).
 */
final class CipRouter {
    static final int SVC_GET_ATTRIBUTES_ALL = 0x01;
    static final int SVC_GET_ATTRIBUTE_LIST = 0x03;
    static final int SVC_MULTIPLE_SERVICE_PACKET = 0x0A;
    static final int SVC_GET_ATTRIBUTE_SINGLE = 0x0E;
    static final int SVC_READ_TAG = 0x4C;
    static final int SVC_WRITE_TAG = 0x4D;
    static final int SVC_READ_TAG_FRAGMENTED = 0x52;
    static final int SVC_WRITE_TAG_FRAGMENTED = 0x53;
    static final int SVC_GET_INSTANCE_ATTRIBUTE_LIST = 0x55;

    private static final int CLASS_IDENTITY = 0x01;
    private static final int CLASS_MESSAGE_ROUTER = 0x02;
    private static final int CLASS_SYMBOL = 0x6B;
    private static final int CLASS_TEMPLATE = 0x6C;
    private static final int CLASS_WALL_CLOCK = 0x8B;
    /** Bytes a Read Template reply needs beyond the definition: clients ask for definition size x 4 - 23 (1756-PM020). */
    private static final int TEMPLATE_OVERHEAD = 23;
    private static final int REPLY_DATA_TOO_LARGE = 0x11;
    private static final int ATTRIBUTE_NOT_SUPPORTED = 0x14;
    private static final int EMBEDDED_SERVICE_ERROR = 0x1E;
    /**
     * The object list a CompactLogix answers GetAttributesAll on its Message Router with, from a
     * capture of a real controller in Apache PLC4X's test suite
     * (protocols/eip/src/test/resources/protocols/logix/CompactLogixSimpleRead.xml).
     */
    private static final int[] ROUTER_OBJECT_LIST = {1, 2, 6, 772, 244, 161, 55, 119, 115, 103, 104, 105, 106, 107,
            108, 109, 110, 111, 112, 114, 116, 127, 139, 140, 141, 142, 126, 162, 163, 242, 172, 176, 177, 811, 178, 821,
            794, 791, 792, 790, 793, 100};

    private final TagDatabase tags;
    private final String productName;
    private final FaultInjector faults;

    CipRouter(TagDatabase tags, String productName, FaultInjector faults) {
        this.tags = tags;
        this.productName = productName;
        this.faults = faults;
    }

    /** Resolves a tag path, or fails as injected for that tag. */
    private TagDatabase.Location locate(byte[] path) throws CipException {
        TagDatabase.Location at = tags.resolve(SymbolicPath.parse(path));
        Integer injected = faults.tagError(at.tag().name());
        if (injected != null) {
            throw new CipException(injected, 0);
        }
        return at;
    }

    /**
     * Serves one request.
     *
     * @param maxReply the largest reply the transport carries: the connection size for connected
     *                 messages, 504 bytes unconnected
     */
    byte[] serve(ByteBuffer request, int maxReply) {
        if (request.remaining() < 2) {
            return error(0, CipException.NOT_ENOUGH_DATA, 0);
        }
        int service = request.get(0) & 0x7F;
        int pathWords = request.get(1) & 0xFF;
        if (request.remaining() < 2 + pathWords * 2) {
            return error(service, CipException.NOT_ENOUGH_DATA, 0);
        }
        byte[] path = new byte[pathWords * 2];
        request.get(2, path);
        ByteBuffer data = request.slice(2 + path.length, request.remaining() - 2 - path.length).order(ByteOrder.LITTLE_ENDIAN);
        try {
            return switch (service) {
                case SVC_GET_ATTRIBUTES_ALL -> getAttributesAll(path);
                case SVC_GET_ATTRIBUTE_SINGLE -> getAttributeSingle(path);
                case SVC_MULTIPLE_SERVICE_PACKET -> multipleServicePacket(path, data, maxReply);
                case SVC_GET_ATTRIBUTE_LIST -> isWallClock(path) ? wallClock(data) : templateAttributes(path, data);
                case SVC_READ_TAG -> isTemplate(path) ? readTemplate(path, data, maxReply) : read(SVC_READ_TAG, path, data, maxReply);
                case SVC_READ_TAG_FRAGMENTED -> read(SVC_READ_TAG_FRAGMENTED, path, data, maxReply);
                case SVC_WRITE_TAG -> write(SVC_WRITE_TAG, path, data);
                case SVC_WRITE_TAG_FRAGMENTED -> write(SVC_WRITE_TAG_FRAGMENTED, path, data);
                case SVC_GET_INSTANCE_ATTRIBUTE_LIST -> instanceAttributeList(path, data, maxReply);
                default -> error(service, CipException.SERVICE_NOT_SUPPORTED, 0);
            };
        } catch (CipException e) {
            return error(service, e.generalStatus(), e.extendedStatus());
        }
    }

    private byte[] getAttributesAll(byte[] path) throws CipException {
        int[] classInstance = LogicalPath.classAndInstance(path);
        if (classInstance == null) {
            throw new CipException(CipException.PATH_DESTINATION_UNKNOWN, 0);
        }
        Reply reply = new Reply(SVC_GET_ATTRIBUTES_ALL);
        switch (classInstance[0]) {
            case CLASS_MESSAGE_ROUTER -> {
                // attribute 1, the object list (count + class ids); the controller sends nothing more
                reply.u16(ROUTER_OBJECT_LIST.length);
                for (int classId : ROUTER_OBJECT_LIST) {
                    reply.u16(classId);
                }
            }
            case CLASS_IDENTITY -> reply.bytes(identity(productName));
            default -> throw new CipException(CipException.PATH_DESTINATION_UNKNOWN, 0);
        }
        return reply.toBytes();
    }

    /**
     * The Identity object's attributes 1-7 as GetAttributesAll and ListIdentity carry them:
     * vendor 1 (Rockwell), device type 14 (PLC), product code, revision 33.011, status (owned,
     * configured, run mode), serial number, product name as a short string.
     */
    static byte[] identity(String productName) {
        byte[] name = productName.getBytes(StandardCharsets.US_ASCII);
        return new Reply().u16(1).u16(14).u16(0x0066).u8(33).u8(11).u16(0x0060).u32(0x60C0FFEE)
                .u8(name.length).bytes(name).toBytes();
    }

    /** One attribute of the Identity object (1-7) or the Message Router's object list (1). */
    private byte[] getAttributeSingle(byte[] path) throws CipException {
        int[] target = LogicalPath.classAndInstance(path);
        if (target == null || target.length < 3 || target[2] < 0) {
            throw new CipException(CipException.PATH_DESTINATION_UNKNOWN, 0);
        }
        byte[] all = getAttributesAll(java.util.Arrays.copyOf(path, path.length - 2));
        ByteBuffer a = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        int attribute = target[2];
        int[][] identityFields = {{4, 2}, {6, 2}, {8, 2}, {10, 2}, {12, 2}, {14, 4}, {18, 1 + (all.length > 18 ? all[18] : 0)}};
        Reply reply = new Reply(SVC_GET_ATTRIBUTE_SINGLE);
        if (target[0] == CLASS_IDENTITY && attribute >= 1 && attribute <= 7) {
            int[] field = identityFields[attribute - 1];
            return reply.bytes(java.util.Arrays.copyOfRange(a.array(), field[0], field[0] + field[1])).toBytes();
        }
        if (target[0] == CLASS_MESSAGE_ROUTER && attribute == 1) {
            return reply.bytes(java.util.Arrays.copyOfRange(all, 4, all.length)).toBytes();
        }
        throw new CipException(ATTRIBUTE_NOT_SUPPORTED, 0);
    }

    private byte[] multipleServicePacket(byte[] path, ByteBuffer data, int maxReply) throws CipException {
        int[] classInstance = LogicalPath.classAndInstance(path);
        if (classInstance == null || classInstance[0] != CLASS_MESSAGE_ROUTER) {
            throw new CipException(CipException.PATH_DESTINATION_UNKNOWN, 0);
        }
        if (data.remaining() < 2) {
            throw new CipException(CipException.NOT_ENOUGH_DATA, 0);
        }
        int count = data.getShort(0) & 0xFFFF;
        if (data.remaining() < 2 + 2 * count) {
            throw new CipException(CipException.NOT_ENOUGH_DATA, 0);
        }
        // Offsets count from the start of the service-count field.
        byte[][] replies = new byte[count][];
        boolean anyError = false;
        int total = 4 + 2 + 2 * count;
        for (int i = 0; i < count; i++) {
            int start = data.getShort(2 + 2 * i) & 0xFFFF;
            int end = i + 1 < count ? data.getShort(2 + 2 * (i + 1)) & 0xFFFF : data.remaining();
            if (start < 2 + 2 * count || start > end || end > data.remaining()) {
                throw new CipException(CipException.NOT_ENOUGH_DATA, 0);
            }
            replies[i] = serve(data.slice(start, end - start).order(ByteOrder.LITTLE_ENDIAN), maxReply);
            anyError |= replies[i][2] != 0;
            total += replies[i].length;
        }
        if (total > maxReply) {
            // The controller cannot send the whole answer: the client must ask for less at once.
            throw new CipException(REPLY_DATA_TOO_LARGE, 0);
        }
        Reply reply = new Reply(SVC_MULTIPLE_SERVICE_PACKET, anyError ? EMBEDDED_SERVICE_ERROR : 0, 0);
        reply.u16(count);
        int offset = 2 + 2 * count;
        for (byte[] r : replies) {
            reply.u16(offset);
            offset += r.length;
        }
        for (byte[] r : replies) {
            reply.bytes(r);
        }
        return reply.toBytes();
    }

    /** Read Tag: element count. Read Tag Fragmented: element count and a byte offset. */
    private byte[] read(int service, byte[] path, ByteBuffer data, int maxReply) throws CipException {
        boolean fragmented = service == SVC_READ_TAG_FRAGMENTED;
        if (data.remaining() < (fragmented ? 6 : 2)) {
            throw new CipException(CipException.NOT_ENOUGH_DATA, 0);
        }
        int elements = data.getShort(0) & 0xFFFF;
        int byteOffset = fragmented ? data.getInt(2) : 0;
        TagDatabase.Location at = locate(path);
        if (elements == 0 || elements > at.elementsAvailable()) {
            throw new CipException(CipException.GENERAL_ERROR, CipException.EXT_BEYOND_END);
        }
        int totalBytes = elements * at.type().size();
        if (byteOffset < 0 || byteOffset >= totalBytes) {
            throw new CipException(CipException.GENERAL_ERROR, CipException.EXT_BEYOND_END);
        }
        int typeBytes = at.type() instanceof LogixType.Struct ? 4 : 2;
        int room = maxReply - 4 - typeBytes;
        int length = Math.min(totalBytes - byteOffset, room);
        boolean partial = length < totalBytes - byteOffset;
        if (partial) {
            // a partial reply ends on an element boundary (4-byte units inside structures)
            length -= length % (at.type() instanceof LogixType.Atomic a ? a.size() : 4);
        }
        Reply reply = new Reply(service, partial ? CipException.PARTIAL_TRANSFER : 0, 0);
        typeCode(reply, at.type());
        reply.bytes(at.tag().read(at.offset() + byteOffset, length));
        return reply.toBytes();
    }

    /** Write Tag: type, element count, data. Write Tag Fragmented: type, count, byte offset, data. */
    private byte[] write(int service, byte[] path, ByteBuffer data) throws CipException {
        boolean fragmented = service == SVC_WRITE_TAG_FRAGMENTED;
        TagDatabase.Location at = locate(path);
        if (data.remaining() < 4) {
            throw new CipException(CipException.NOT_ENOUGH_DATA, 0);
        }
        int code = data.getShort(0) & 0xFFFF;
        int pos = 2;
        boolean structMatches;
        if (code == LogixType.STRUCT_CODE) {
            int handle = data.getShort(pos) & 0xFFFF;
            pos += 2;
            structMatches = at.type() instanceof LogixType.Struct s && s.handle() == handle;
        } else {
            structMatches = at.type() instanceof LogixType.Atomic a && a.code() == code;
        }
        if (!structMatches) {
            throw new CipException(CipException.GENERAL_ERROR, CipException.EXT_TYPE_MISMATCH);
        }
        if (data.remaining() < pos + 2 + (fragmented ? 4 : 0)) {
            throw new CipException(CipException.NOT_ENOUGH_DATA, 0);
        }
        int elements = data.getShort(pos) & 0xFFFF;
        pos += 2;
        int byteOffset = 0;
        if (fragmented) {
            byteOffset = data.getInt(pos);
            pos += 4;
        }
        if (elements == 0 || elements > at.elementsAvailable()) {
            throw new CipException(CipException.GENERAL_ERROR, CipException.EXT_BEYOND_END);
        }
        int totalBytes = elements * at.type().size();
        int length = data.remaining() - pos;
        if (fragmented) {
            if (byteOffset < 0 || byteOffset + length > totalBytes) {
                throw new CipException(CipException.TOO_MUCH_DATA, 0);
            }
        } else if (length < totalBytes) {
            throw new CipException(CipException.NOT_ENOUGH_DATA, 0);
        } else if (length > totalBytes) {
            throw new CipException(CipException.TOO_MUCH_DATA, 0);
        }
        byte[] bytes = new byte[length];
        data.get(pos, bytes);
        at.tag().write(at.offset() + byteOffset, bytes);
        return new Reply(service).toBytes();
    }

    /**
     * Get Instance Attribute List on the Symbol object: browses tags from a start instance.
     * Path: optional program symbol, then class 0x6B and the start instance. Attributes served:
     * 1 name, 2 symbol type, 7 element size, 8 array dimensions.
     */
    private byte[] instanceAttributeList(byte[] path, ByteBuffer data, int maxReply) throws CipException {
        String program = null;
        byte[] logical = path;
        if (path.length > 0 && (path[0] & 0xFF) == 0x91) {
            int len = path[1] & 0xFF;
            int symbolBytes = 2 + len + (len % 2);
            if (path.length < symbolBytes) {
                throw new CipException(CipException.PATH_SEGMENT_ERROR, 0);
            }
            program = new String(path, 2, len, StandardCharsets.US_ASCII);
            logical = java.util.Arrays.copyOfRange(path, symbolBytes, path.length);
        }
        int[] classInstance = LogicalPath.classAndInstance(logical);
        if (classInstance == null || classInstance[0] != CLASS_SYMBOL) {
            throw new CipException(CipException.PATH_DESTINATION_UNKNOWN, 0);
        }
        int start = Math.max(classInstance[1], 0);
        if (data.remaining() < 2) {
            throw new CipException(CipException.NOT_ENOUGH_DATA, 0);
        }
        int attributeCount = data.getShort(0) & 0xFFFF;
        int[] attributes = new int[attributeCount];
        for (int i = 0; i < attributeCount; i++) {
            attributes[i] = data.getShort(2 + 2 * i) & 0xFFFF;
            if (attributes[i] != 1 && attributes[i] != 2 && attributes[i] != 7 && attributes[i] != 8) {
                throw new CipException(ATTRIBUTE_NOT_SUPPORTED, 0);
            }
        }
        List<Symbol> symbols = symbolsIn(program);
        Reply reply = new Reply(SVC_GET_INSTANCE_ATTRIBUTE_LIST);
        boolean partial = false;
        for (Symbol symbol : symbols) {
            if (symbol.instance() < start) {
                continue;
            }
            Reply entry = new Reply();
            entry.u32(symbol.instance());
            for (int attribute : attributes) {
                switch (attribute) {
                    case 1 -> {
                        byte[] name = symbol.name().getBytes(StandardCharsets.US_ASCII);
                        entry.u16(name.length).bytes(name);
                    }
                    case 2 -> entry.u16(symbol.symbolType());
                    case 7 -> entry.u16(symbol.elementSize());
                    default -> {
                        int[] dims = symbol.dimensions();
                        for (int d = 0; d < 3; d++) {
                            entry.u32(d < dims.length ? dims[d] : 0);
                        }
                    }
                }
            }
            byte[] bytes = entry.toBytes();
            if (reply.size() + bytes.length > maxReply) {
                partial = true; // the client asks again from the last instance it got + 1
                break;
            }
            reply.bytes(bytes);
        }
        if (partial) {
            reply.status(CipException.PARTIAL_TRANSFER);
        }
        return reply.toBytes();
    }

    private static boolean isWallClock(byte[] path) {
        int[] target = LogicalPath.classAndInstance(path);
        return target != null && target[0] == CLASS_WALL_CLOCK;
    }

    /**
     * The Wall Clock Time object, instance 1: attribute 11, the controller's time as ULINT
     * microseconds since 1970-01-01 UTC (the attribute clients read for "PLC time"; this controller's
     * clock is the computer's).
     */
    private byte[] wallClock(ByteBuffer data) throws CipException {
        if (data.remaining() < 2 || data.remaining() < 2 + 2 * (data.getShort(0) & 0xFFFF)) {
            throw new CipException(CipException.NOT_ENOUGH_DATA, 0);
        }
        int count = data.getShort(0) & 0xFFFF;
        Reply reply = new Reply(SVC_GET_ATTRIBUTE_LIST).u16(count);
        for (int i = 0; i < count; i++) {
            int attribute = data.getShort(2 + 2 * i) & 0xFFFF;
            reply.u16(attribute);
            if (attribute == 11) {
                java.time.Instant now = java.time.Instant.now();
                long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
                reply.u16(0).u32((int) micros).u32((int) (micros >>> 32));
            } else {
                reply.u16(ATTRIBUTE_NOT_SUPPORTED);
            }
        }
        return reply.toBytes();
    }

    private static boolean isTemplate(byte[] path) {
        int[] target = LogicalPath.classAndInstance(path);
        return target != null && target[0] == CLASS_TEMPLATE;
    }

    /** The structure whose template instance is the path's (bits 0-11 of its symbol type), or a CIP error. */
    private LogixType.Struct template(byte[] path) throws CipException {
        int[] target = LogicalPath.classAndInstance(path);
        if (target == null || target[0] != CLASS_TEMPLATE || target[1] < 0) {
            throw new CipException(CipException.PATH_DESTINATION_UNKNOWN, 0);
        }
        java.util.ArrayDeque<LogixType> types = new java.util.ArrayDeque<>();
        tags.all().forEach(t -> types.add(t.type()));
        while (!types.isEmpty()) { // nested structures have templates of their own
            if (types.poll() instanceof LogixType.Struct s) {
                if ((s.handle() & 0x0FFF) == target[1]) {
                    return s;
                }
                s.members().forEach(m -> types.add(m.type()));
            }
        }
        throw new CipException(CipException.PATH_DESTINATION_UNKNOWN, 0);
    }

    /**
     * A template's definition as Read Template returns it (1756-PM020, "Structure data format"):
     * per member its info (array size, bit number of a BOOL, else 0), type (atomic code, or 0x8000 |
     * template id; bit 13 for an array) and byte offset; then the template's name and each member's,
     * each ending in a NUL.
     */
    private static byte[] definition(LogixType.Struct struct) {
        Reply members = new Reply();
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        names.writeBytes(struct.name().getBytes(StandardCharsets.US_ASCII));
        names.write(0);
        for (LogixType.Member m : struct.members()) {
            int type = switch (m.type()) {
                case LogixType.Atomic a -> a.code();
                case LogixType.Struct s -> 0x8000 | (s.handle() & 0x0FFF);
            };
            boolean array = m.elements() > 1;
            // A BOOL member is a byte of its own here, so its bit is 0.
            members.u16(array ? m.elements() : 0).u16(array ? type | 0x2000 : type).u32(m.offset());
            names.writeBytes(m.name().getBytes(StandardCharsets.US_ASCII));
            names.write(0);
        }
        members.bytes(names.toByteArray());
        return members.toBytes();
    }

    /**
     * Get Attribute List on a template instance: 1 structure handle, 2 member count, 4 definition
     * size in 32-bit words, 5 structure size in bytes; any other attribute is answered "not supported".
     */
    private byte[] templateAttributes(byte[] path, ByteBuffer data) throws CipException {
        LogixType.Struct struct = template(path);
        if (data.remaining() < 2) {
            throw new CipException(CipException.NOT_ENOUGH_DATA, 0);
        }
        int count = data.getShort(0) & 0xFFFF;
        if (data.remaining() < 2 + 2 * count) {
            throw new CipException(CipException.NOT_ENOUGH_DATA, 0);
        }
        Reply reply = new Reply(SVC_GET_ATTRIBUTE_LIST).u16(count);
        for (int i = 0; i < count; i++) {
            int attribute = data.getShort(2 + 2 * i) & 0xFFFF;
            reply.u16(attribute);
            switch (attribute) {
                case 1 -> reply.u16(0).u16(struct.handle());
                case 2 -> reply.u16(0).u16(struct.members().size());
                case 4 -> reply.u16(0).u32((definition(struct).length + TEMPLATE_OVERHEAD + 3) / 4);
                case 5 -> reply.u16(0).u32(struct.size());
                default -> reply.u16(ATTRIBUTE_NOT_SUPPORTED);
            }
        }
        return reply.toBytes();
    }

    /**
     * Read Template: UDINT offset, UINT bytes wanted. Answers what exists from the offset: as much as
     * was asked and the reply carries, with "partial transfer" while more of it remains, so a client
     * reads on from where it got; a request longer than the definition gets the rest of it.
     */
    private byte[] readTemplate(byte[] path, ByteBuffer data, int maxReply) throws CipException {
        byte[] definition = definition(template(path));
        if (data.remaining() < 6) {
            throw new CipException(CipException.NOT_ENOUGH_DATA, 0);
        }
        long offset = data.getInt(0) & 0xFFFFFFFFL;
        int wanted = data.getShort(4) & 0xFFFF;
        if (offset > definition.length) {
            throw new CipException(CipException.TOO_MUCH_DATA, 0);
        }
        int from = (int) offset;
        int length = Math.min(Math.min(wanted, definition.length - from), maxReply - 4);
        boolean more = from + length < definition.length;
        return new Reply(SVC_READ_TAG, more ? CipException.PARTIAL_TRANSFER : 0, 0)
                .bytes(java.util.Arrays.copyOfRange(definition, from, from + length)).toBytes();
    }

    private record Symbol(int instance, String name, int symbolType, int elementSize, int[] dimensions) {
    }

    /** Controller scope lists its tags and one entry per program; a program lists its own tags. */
    private List<Symbol> symbolsIn(String program) {
        List<Symbol> symbols = new java.util.ArrayList<>();
        List<LogixTag> all = tags.all();
        for (int i = 0; i < all.size(); i++) {
            LogixTag tag = all.get(i);
            String tagProgram = TagDatabase.programOf(tag.name());
            boolean inScope = program == null ? tagProgram == null : program.equalsIgnoreCase(tagProgram);
            if (inScope) {
                String shortName = tagProgram == null ? tag.name() : tag.name().substring(tagProgram.length() + 1);
                symbols.add(new Symbol(i + 1, shortName, symbolType(tag), tag.type().size(), tag.dimensions()));
            }
        }
        if (program == null) {
            int instance = all.size() + 1;
            for (String name : tags.programs()) {
                symbols.add(new Symbol(instance++, name, 0x1068, 0, new int[0])); // program symbol type
            }
        }
        return symbols;
    }

    /** Symbol type word: bits 0-11 type code or template id, 13-14 dimensions, 15 structure. */
    private static int symbolType(LogixTag tag) {
        int dims = tag.dimensions().length << 13;
        return switch (tag.type()) {
            case LogixType.Atomic a -> a.code() | dims;
            case LogixType.Struct s -> 0x8000 | (s.handle() & 0x0FFF) | dims;
        };
    }

    private static void typeCode(Reply reply, LogixType type) {
        switch (type) {
            case LogixType.Atomic a -> reply.u16(a.code());
            case LogixType.Struct s -> reply.u16(LogixType.STRUCT_CODE).u16(s.handle());
        }
    }

    static byte[] error(int service, int generalStatus, int extendedStatus) {
        if (extendedStatus == 0) {
            return new byte[] {(byte) (service | 0x80), 0, (byte) generalStatus, 0};
        }
        return new byte[] {(byte) (service | 0x80), 0, (byte) generalStatus, 1,
                (byte) extendedStatus, (byte) (extendedStatus >> 8)};
    }

    /** A little-endian reply under construction: service | 0x80, reserved, status, extended size, data. */
    private static final class Reply {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Reply() {
        }

        Reply(int service) {
            this(service, 0, 0);
        }

        Reply(int service, int status, int extendedSize) {
            out.write(service | 0x80);
            out.write(0);
            out.write(status);
            out.write(extendedSize);
        }

        Reply status(int status) {
            byte[] bytes = out.toByteArray();
            bytes[2] = (byte) status;
            out.reset();
            out.writeBytes(bytes);
            return this;
        }

        Reply u8(int v) {
            out.write(v);
            return this;
        }

        Reply u16(int v) {
            out.write(v);
            out.write(v >> 8);
            return this;
        }

        Reply u32(int v) {
            return u16(v & 0xFFFF).u16(v >>> 16);
        }

        Reply bytes(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        int size() {
            return out.size();
        }

        byte[] toBytes() {
            return out.toByteArray();
        }
    }
}
