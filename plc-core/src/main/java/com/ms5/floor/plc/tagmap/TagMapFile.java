package com.ms5.floor.plc.tagmap;

import com.ms5.floor.plc.api.PlcText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;

/** Reads and writes tag maps as JSON (format: README, "Tag maps"). */
public final class TagMapFile {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private TagMapFile() {
    }

    /**
     * Reads and validates a tag map.
     *
     * @param source names the file in messages
     * @throws IllegalArgumentException naming the file and every problem with its place
     */
    public static TagMap load(InputStream json, String source) {
        TagMap map;
        try {
            map = JSON.readValue(json, TagMap.class);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
            throw new IllegalArgumentException(source + ": " + location(e) + (path.isEmpty() ? "" : " (" + path + ")")
                    + ": " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": " + location(e) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(PlcText.format("file.notReadable", source, e.getMessage()), e);
        }
        List<TagMapValidator.Problem> problems = TagMapValidator.problems(map);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(source + " has " + problems.size() + " problem(s):\n  "
                    + problems.stream().map(Object::toString).collect(Collectors.joining("\n  ")));
        }
        return map;
    }

    public static TagMap load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException(PlcText.format("file.notReadable", file, e.getMessage()), e);
        }
    }

    /** Writes the map; through a temporary file, so a crash never leaves half a tag map behind. */
    public static void save(TagMap map, Path file) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            JSON.writeValue(out, map);
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads and validates a tag map held as JSON text (a stored configuration version); see {@link #load(InputStream, String)}. */
    public static TagMap fromJson(String json, String source) {
        return load(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)), source);
    }

    /** The map as the JSON a tag-map file holds. */
    public static String toJson(TagMap map) {
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The tag map cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }
}
