package com.ms5.floor.plc.virtual;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The virtual controller's tags, controller-scoped ({@code Counter}) and program-scoped
 * ({@code Program:Line1.Counter}), looked up without regard to case as Logix does.
 * Thread-safe. Instance ids (for browsing) follow the order of definition, from 1.
 */
public final class TagDatabase {
    private static final String PROGRAM = "PROGRAM:";

    private final Map<String, LogixTag> tags = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile Runnable beforeAccess = () -> { };

    /**
     * Defines a tag.
     *
     * @param scopedName {@code Name} or {@code Program:Prog.Name}
     * @param dimensions none for a scalar, else one to three array dimensions
     */
    public LogixTag define(String scopedName, LogixType type, int... dimensions) {
        LogixTag tag = new LogixTag(scopedName, type, dimensions);
        if (tags.putIfAbsent(key(scopedName), tag) != null) {
            throw new IllegalArgumentException("Tag " + scopedName + " is defined twice");
        }
        return tag;
    }

    public LogixTag tag(String scopedName) {
        return tags.get(key(scopedName));
    }

    /** The tags in definition order (instance id = index + 1). */
    public List<LogixTag> all() {
        synchronized (tags) {
            return new ArrayList<>(tags.values());
        }
    }

    /** The names of the programs that have tags, in order of first definition. */
    public List<String> programs() {
        List<String> programs = new ArrayList<>();
        for (LogixTag tag : all()) {
            String program = programOf(tag.name());
            if (program != null && !programs.contains(program)) {
                programs.add(program);
            }
        }
        return programs;
    }

    /** The program part of {@code Program:Prog.Tag} ({@code Program:Prog}), or {@code null}. */
    static String programOf(String scopedName) {
        if (!scopedName.toUpperCase(Locale.ROOT).startsWith(PROGRAM)) {
            return null;
        }
        int dot = scopedName.indexOf('.');
        return dot < 0 ? scopedName : scopedName.substring(0, dot);
    }

    /** Run before each request is served, so a simulation can bring the tags up to date. */
    public void beforeAccess(Runnable hook) {
        this.beforeAccess = hook;
    }

    void touch() {
        beforeAccess.run();
    }

    /**
     * Finds the data a request path names.
     *
     * @throws CipException with the status a Logix controller answers for a path it cannot resolve
     */
    Location resolve(List<SymbolicPath.Segment> path) throws CipException {
        int i = 0;
        if (path.isEmpty() || !(path.get(0) instanceof SymbolicPath.Symbol first)) {
            throw new CipException(CipException.PATH_SEGMENT_ERROR, 0);
        }
        String name = first.name();
        i++;
        if (name.toUpperCase(Locale.ROOT).startsWith(PROGRAM)) {
            if (i >= path.size() || !(path.get(i) instanceof SymbolicPath.Symbol inProgram)) {
                throw new CipException(CipException.PATH_SEGMENT_ERROR, 0);
            }
            name = name + "." + inProgram.name();
            i++;
        }
        LogixTag tag = tags.get(key(name));
        if (tag == null) {
            throw new CipException(CipException.PATH_SEGMENT_ERROR, 0);
        }
        LogixType type = tag.type();
        int offset = 0;
        int[] dims = tag.dimensions();
        int available = tag.elementCount();
        // Array indices address the tag's elements, row-major as Logix stores them.
        if (i < path.size() && path.get(i) instanceof SymbolicPath.Index) {
            int linear = 0;
            for (int d = 0; d < dims.length; d++) {
                if (i >= path.size() || !(path.get(i) instanceof SymbolicPath.Index index)) {
                    throw new CipException(CipException.PATH_SEGMENT_ERROR, 0);
                }
                if (index.value() < 0 || index.value() >= dims[d]) {
                    throw new CipException(CipException.PATH_DESTINATION_UNKNOWN, 0);
                }
                linear = linear * dims[d] + (int) index.value();
                i++;
            }
            if (dims.length == 0) {
                throw new CipException(CipException.PATH_SEGMENT_ERROR, 0);
            }
            offset = linear * type.size();
            available = tag.elementCount() - linear;
        }
        // Members of structures, each possibly an array of its own.
        while (i < path.size()) {
            if (!(path.get(i) instanceof SymbolicPath.Symbol memberName) || !(type instanceof LogixType.Struct struct)) {
                throw new CipException(CipException.PATH_SEGMENT_ERROR, 0);
            }
            LogixType.Member member = struct.member(memberName.name());
            if (member == null) {
                throw new CipException(CipException.PATH_SEGMENT_ERROR, 0);
            }
            offset += member.offset();
            type = member.type();
            available = member.elements();
            i++;
            if (i < path.size() && path.get(i) instanceof SymbolicPath.Index index) {
                if (member.elements() <= 1 || index.value() < 0 || index.value() >= member.elements()) {
                    throw new CipException(CipException.PATH_DESTINATION_UNKNOWN, 0);
                }
                offset += (int) index.value() * type.size();
                available = member.elements() - (int) index.value();
                i++;
            }
        }
        return new Location(tag, offset, type, available);
    }

    /** Where a path points: the tag, the byte offset in it, the type there and how many elements follow. */
    record Location(LogixTag tag, int offset, LogixType type, int elementsAvailable) {
    }

    private static String key(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}
