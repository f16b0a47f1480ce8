package com.ms5.floor.plc.virtual;

import java.util.List;
import java.util.Locale;

/**
 * A Logix data type: one of the atomic types or a structure (a UDT, or the built-in STRING).
 * Type codes: CIP Vol. 1 appendix C-6.1; structures are sent as 0x02A0 followed by the
 * structure handle (Logix 5000 Data Access, publication 1756-PM020).
 */
public sealed interface LogixType permits LogixType.Atomic, LogixType.Struct {

    /** Bytes one element occupies in a tag's data. */
    int size();

    String name();

    /** The atomic types; sizes from the CIP specification. */
    enum Atomic implements LogixType {
        BOOL(0xC1, 1), SINT(0xC2, 1), INT(0xC3, 2), DINT(0xC4, 4), LINT(0xC5, 8),
        USINT(0xC6, 1), UINT(0xC7, 2), UDINT(0xC8, 4), ULINT(0xC9, 8), REAL(0xCA, 4), LREAL(0xCB, 8);

        private final int code;
        private final int size;

        Atomic(int code, int size) {
            this.code = code;
            this.size = size;
        }

        public int code() {
            return code;
        }

        @Override
        public int size() {
            return size;
        }

        public static Atomic ofCode(int code) {
            for (Atomic type : values()) {
                if (type.code == code) {
                    return type;
                }
            }
            return null;
        }

        public static Atomic ofName(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /**
     * A structure: members at fixed byte offsets.
     *
     * @param handle the structure handle a Read Tag reply carries after 0x02A0 (a CRC of the
     *               definition in a real controller; any stable 16-bit value here)
     */
    record Struct(String name, int handle, List<Member> members, int size) implements LogixType {
        public Struct {
            members = List.copyOf(members);
        }

        public Member member(String memberName) {
            for (Member m : members) {
                if (m.name().equalsIgnoreCase(memberName)) {
                    return m;
                }
            }
            return null;
        }
    }

    /** A member of a structure, with its own element count (1 for a scalar). */
    record Member(String name, LogixType type, int offset, int elements) {
    }

    /** Code of a structured value in a Read Tag reply. */
    int STRUCT_CODE = 0x02A0;

    /** Logix's built-in STRING: LEN (DINT) then DATA (SINT[82]); handle 0x0FCE as on real controllers. */
    Struct STRING = new Struct("STRING", 0x0FCE,
            List.of(new Member("LEN", Atomic.DINT, 0, 1), new Member("DATA", Atomic.SINT, 4, 82)), 88);

    /** Builds a UDT, laying members out in order with each aligned to its own size (as Logix does). */
    static Struct udt(String name, int handle, List<Member> declared) {
        int offset = 0;
        java.util.ArrayList<Member> laid = new java.util.ArrayList<>();
        for (Member m : declared) {
            int align = m.type() instanceof Struct ? 4 : Math.min(m.type().size(), 8);
            offset = (offset + align - 1) / align * align;
            laid.add(new Member(m.name(), m.type(), offset, m.elements()));
            offset += m.type().size() * m.elements();
        }
        int size = (offset + 3) / 4 * 4;
        return new Struct(name, handle, laid, size);
    }
}
