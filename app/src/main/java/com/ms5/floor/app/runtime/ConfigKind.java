package com.ms5.floor.app.runtime;

import com.ms5.floor.app.model.ConfigVersion;
import com.ms5.floor.app.live.LiveKey;
import com.ms5.floor.app.live.LiveKeys;
import com.ms5.floor.app.rules.PlantRules;
import com.ms5.floor.app.rules.PlantRulesCheck;
import com.ms5.floor.app.rules.PlantRulesDiff;
import com.ms5.floor.app.rules.PlantRulesJson;
import com.ms5.floor.plc.tagmap.TagMap;
import com.ms5.floor.plc.tagmap.TagMapDiff;
import com.ms5.floor.plc.tagmap.TagMapFile;
import com.ms5.floor.plc.tagmap.TagMapValidator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A configuration document the engineer edits and the database keeps in versions: how it is
 * stored as JSON, checked, and compared. One way to save, list and roll back every kind.
 *
 * @param id    the {@code config_version.kind} and the change notice's name
 * @param title what people call it, in messages
 * @param type  the document's class
 */
public record ConfigKind<T>(String id, String title, Class<T> type, BiFunction<String, String, T> parse, Function<T, String> json,
                            Function<T, List<?>> problems, BiFunction<T, T, List<String>> diff) {
    public static final ConfigKind<TagMap> TAG_MAP = new ConfigKind<>("tagmap", "tag map", TagMap.class, TagMapFile::fromJson,
            TagMapFile::toJson, TagMapValidator::problems, TagMapDiff::between);
    public static final ConfigKind<PlantRules> PLANT_RULES = new ConfigKind<>("plant-rules", "plant rules",
            PlantRules.class, PlantRulesJson::fromJson, PlantRulesJson::toJson, PlantRulesCheck::problems, PlantRulesDiff::between);

    /** A stored version's document, checked; throws IllegalArgumentException naming the version. */
    public T parse(ConfigVersion version) {
        return parse.apply(version.document(), title + " version " + version.version());
    }

    /** The live value of the version number this station runs by (0: loaded, not stored yet). */
    public LiveKey<Integer> liveKey() {
        return LiveKeys.configVersion(id);
    }

    /** A version's summary: its changes in one line, the first five of many. */
    public String summary(T before, T after) {
        List<String> changes = diff.apply(before, after);
        if (changes.isEmpty()) {
            return "no changes";
        }
        return changes.size() <= 6 ? String.join("; ", changes)
                : String.join("; ", changes.subList(0, 5)) + "; and " + (changes.size() - 5) + " more change(s)";
    }
}
