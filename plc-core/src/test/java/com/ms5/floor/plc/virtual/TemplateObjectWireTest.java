package com.ms5.floor.plc.virtual;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Template object (class 0x6C) at the byte level, walked as a client that decodes UDTs by their
 * template does: browse the tags, take a structure's template id from its symbol type, read the
 * template's attributes and its definition, and decode a whole-structure read with it. Layouts:
 * Logix 5000 Data Access (Rockwell publication 1756-PM020, "Step 3: Determining the structure
 * makeup", "Structure data format"): attributes 1 handle, 2 member count, 4 definition size in
 * 32-bit words, 5 structure size; a client reads definition size x 4 - 23 bytes.
 */
class TemplateObjectWireTest {
    private static final HexFormat HEX = HexFormat.of();
    /** A recipe: a STRING and an array of REALs, to show nested templates and arrays. */
    private static final LogixType.Struct RECIPE = LogixType.udt("Recipe", 0x1234, List.of(
            new LogixType.Member("Name", LogixType.STRING, 0, 1),
            new LogixType.Member("Speeds", LogixType.Atomic.REAL, 0, 4)));
    private VirtualController controller;
    private EipTestClient client;
    private int session;

    @BeforeEach
    void connect() throws Exception {
        TagDatabase tags = new TagDatabase();
        LogixTag filler = tags.define("L1_Filler", VirtualPlant.MACHINE_UDT);
        filler.setDint(VirtualPlant.MACHINE_UDT.member("TotalCount").offset(), 12345);
        tags.define("Line1_Recipe", RECIPE);
        controller = VirtualController.logix(0, tags, "1769-L33ER/B LOGIX5333ER");
        client = new EipTestClient(controller.port());
        session = client.registerSession();
    }

    @AfterEach
    void close() throws Exception {
        client.close();
        controller.close();
    }

    @Test
    void aClientFindsAUdtsLayoutByItsTemplateAndDecodesAReadOfTheWholeTagWithIt() throws Exception {
        // 1. Browse: L1_Filler's symbol type has bit 15 (a structure) and its template id in bits 0-11.
        ByteBuffer browse = cip("55 03 20 6b 25 00 00 00 0200 0100 0200");
        browse.position(4);
        Map<String, Integer> types = new LinkedHashMap<>();
        while (browse.hasRemaining()) {
            browse.getInt();
            byte[] name = new byte[browse.getShort()];
            browse.get(name);
            types.put(new String(name, StandardCharsets.US_ASCII), browse.getShort() & 0xFFFF);
        }
        int fillerType = types.get("L1_Filler");
        assertThat(fillerType & 0x8000).isNotZero();
        int templateId = fillerType & 0x0FFF;

        // 2. The template's attributes 1, 2, 4, 5, each with status 0.
        ByteBuffer attributes = cip("03 03 20 6c 25 00 " + le16(templateId) + " 0400 0100 0200 0400 0500");
        assertThat(attributes.get(2)).as("status").isZero();
        attributes.position(4);
        assertThat(attributes.getShort()).as("attributes").isEqualTo((short) 4);
        assertThat(attributes.getShort()).isEqualTo((short) 1);
        assertThat(attributes.getShort()).isZero();
        int handle = attributes.getShort() & 0xFFFF;
        assertThat(attributes.getShort()).isEqualTo((short) 2);
        assertThat(attributes.getShort()).isZero();
        int memberCount = attributes.getShort();
        assertThat(attributes.getShort()).isEqualTo((short) 4);
        assertThat(attributes.getShort()).isZero();
        int definitionWords = attributes.getInt();
        assertThat(attributes.getShort()).isEqualTo((short) 5);
        assertThat(attributes.getShort()).isZero();
        int structureSize = attributes.getInt();
        assertThat(handle).isEqualTo(0x4D35);
        assertThat(memberCount).isEqualTo(13);
        assertThat(structureSize).isEqualTo(VirtualPlant.MACHINE_UDT.size());

        // 3. Read Template for definition size x 4 - 23 bytes: the whole definition at once.
        ByteBuffer read = cip("4c 03 20 6c 25 00 " + le16(templateId) + " 00000000 " + le16(definitionWords * 4 - 23));
        assertThat(read.get(0) & 0xFF).isEqualTo(0xCC);
        assertThat(read.get(2)).as("status").isZero();
        Template template = Template.decode(slice(read, 4), memberCount);
        assertThat(template.name()).isEqualTo("MS5_Machine");
        assertThat(template.members()).extracting(Member::name).containsExactly("State", "FaultCode", "TotalCount",
                "GoodCount", "RejectCount", "Speed", "ProductId", "JobId", "Andon", "Running", "Faulted", "Starved", "Blocked");
        assertThat(template.member("Speed").type()).isEqualTo(0xCA); // REAL
        assertThat(template.member("Running").type()).isEqualTo(0xC1); // BOOL, bit 0 of its own byte
        assertThat(template.member("Running").offset()).isEqualTo(36);

        // 4. A read of the whole tag carries the same handle; the template says where TotalCount is.
        ByteBuffer value = cip("4c 06 91 09 " + HEX.formatHex("L1_Filler".getBytes(StandardCharsets.US_ASCII)) + "00 0100");
        assertThat(value.get(2)).isZero();
        assertThat(value.getShort(4) & 0xFFFF).as("structure").isEqualTo(0x02A0);
        assertThat(value.getShort(6) & 0xFFFF).as("handle").isEqualTo(handle);
        assertThat(value.getInt(8 + template.member("TotalCount").offset())).isEqualTo(12345);
    }

    @Test
    void nestedStructuresAndArraysHaveTheirTypesAndTheStringTemplateItsOwn() throws Exception {
        Template recipe = readTemplate(0x234);
        Member name = recipe.member("Name");
        assertThat(name.type() & 0x8000).as("a structure").isNotZero();
        assertThat(recipe.member("Speeds").type()).as("an array of REAL").isEqualTo(0x2000 | 0xCA);
        assertThat(recipe.member("Speeds").info()).as("its size").isEqualTo(4);
        assertThat(recipe.member("Speeds").offset()).isEqualTo(88);

        Template string = readTemplate(name.type() & 0x0FFF);
        assertThat(string.name()).isEqualTo("STRING");
        assertThat(string.members()).extracting(Member::name).containsExactly("LEN", "DATA");
        assertThat(string.member("DATA").type()).isEqualTo(0x2000 | 0xC2); // SINT[82]
        assertThat(string.member("DATA").info()).isEqualTo(82);
        assertThat(string.member("DATA").offset()).isEqualTo(4);
    }

    @Test
    void aDefinitionReadInPiecesEndsWithAllOfItAndAnUnknownTemplateIsRefused() throws Exception {
        // 16 bytes asked: 16 come, "partial transfer" says there is more; from there, the rest, status 0.
        ByteBuffer first = cip("4c 03 20 6c 25 00 " + le16(0xD35) + " 00000000 1000");
        assertThat(first.get(2)).isEqualTo((byte) 0x06);
        assertThat(first.remaining()).isEqualTo(4 + 16);
        ByteBuffer rest = cip("4c 03 20 6c 25 00 " + le16(0xD35) + " 10000000 ffff");
        assertThat(rest.get(2)).as("a request longer than the definition gets what exists").isZero();
        ByteBuffer whole = ByteBuffer.allocate(16 + rest.remaining() - 4).order(ByteOrder.LITTLE_ENDIAN)
                .put(slice(first, 4)).put(slice(rest, 4)).flip();
        assertThat(Template.decode(whole, 13).member("Blocked").offset()).isEqualTo(39);

        assertThat(cip("03 03 20 6c 25 00 " + le16(0x777) + " 0100 0100").get(2)).as("no such template").isEqualTo((byte) 0x05);
        assertThat(hex(cip("03 03 20 6c 25 00 " + le16(0xD35) + " 0100 0300"))).as("attribute 3 is not served")
                .isEqualTo("830000000100" + "0300" + "1400");
    }

    /** The Wall Clock Time object the Message Router lists: attribute 11, microseconds since 1970 UTC. */
    @Test
    void answersTheWallClockTimeAsClientsReadIt() throws Exception {
        long before = System.currentTimeMillis() * 1000;
        ByteBuffer r = cip("03 02 20 8b 24 01 0100 0b00");
        long after = System.currentTimeMillis() * 1000 + 1000;
        assertThat(hex(r).substring(0, 20)).isEqualTo("83000000" + "0100" + "0b00" + "0000");
        assertThat(r.getLong(10)).isBetween(before, after);
    }

    private Template readTemplate(int id) throws Exception {
        ByteBuffer attributes = cip("03 03 20 6c 25 00 " + le16(id) + " 0200 0200 0400");
        int members = attributes.getShort(4 + 2 + 4) & 0xFFFF;
        int words = attributes.getInt(4 + 2 + 6 + 4);
        ByteBuffer read = cip("4c 03 20 6c 25 00 " + le16(id) + " 00000000 " + le16(words * 4 - 23));
        assertThat(read.get(2)).isZero();
        return Template.decode(slice(read, 4), members);
    }

    record Member(String name, int info, int type, int offset) {
    }

    /** A definition decoded as a client does: the member entries, then NUL-terminated names. */
    record Template(String name, List<Member> members) {
        static Template decode(ByteBuffer data, int memberCount) {
            int[][] entries = new int[memberCount][3];
            for (int i = 0; i < memberCount; i++) {
                entries[i] = new int[] {data.getShort() & 0xFFFF, data.getShort() & 0xFFFF, data.getInt()};
            }
            String[] names = new String(data.array(), data.arrayOffset() + data.position(), data.remaining(),
                    StandardCharsets.US_ASCII).split("\0");
            List<Member> members = new ArrayList<>();
            for (int i = 0; i < memberCount; i++) {
                members.add(new Member(names[i + 1], entries[i][0], entries[i][1], entries[i][2]));
            }
            return new Template(names[0].split(";")[0], members);
        }

        Member member(String name) {
            return members.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
        }
    }

    private static ByteBuffer slice(ByteBuffer b, int from) {
        byte[] bytes = new byte[b.limit() - from];
        b.get(from, bytes);
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static String le16(int v) {
        return String.format("%02x%02x", v & 0xFF, (v >> 8) & 0xFF);
    }

    private static String hex(ByteBuffer b) {
        return HEX.formatHex(b.array(), b.arrayOffset(), b.arrayOffset() + b.limit());
    }

    private ByteBuffer cip(String requestHex) throws Exception {
        return client.unconnected(session, HEX.parseHex(requestHex.replace(" ", "")));
    }
}
