package com.ms5.floor.app.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message in every language, for each module's bundle: a key missing in German would show
 * English mid-screen (or fail), and a placeholder that differs would throw when the message is
 * formatted. Also every key that code or FXML asks for by name (a key put together at run time,
 * "config." + id, is not checked here).
 */
class MessagesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("%(\\d+\\$)?[-#+ 0,(]*\\d*(\\.\\d+)?[a-zA-Z%]");

    /** A module's bundle, where its code is, and how the code asks for a message. */
    private record Bundle(String name, Path sources, String suffix, Pattern key) {
        static Bundle code(String name, String module, String accessor) {
            return new Bundle(name, Path.of("..", module, "src/main/java"), ".java",
                    Pattern.compile(accessor + "\\.(?:get|format)\\(\"([A-Za-z0-9_.]+)\"\\s*[,)]"));
        }
    }

    private static final List<Bundle> BUNDLES = List.of(
            Bundle.code(Messages.BUNDLE, "app", "Messages"),
            new Bundle(Messages.BUNDLE, Path.of("src/main/resources/com/ms5/floor/app/ui"), ".fxml",
                    Pattern.compile("\"%([A-Za-z0-9_.]+)\"")),
            Bundle.code("ms5/i18n/plc", "plc-core", "PlcText"),
            Bundle.code("ms5/i18n/analytics", "analytics", "AnalyticsText"));

    @Test
    void germanSaysEverythingEnglishSaysWithTheSamePlaceholders() throws IOException {
        for (String bundle : BUNDLES.stream().map(Bundle::name).distinct().toList()) {
            Properties english = load(bundle, "");
            Properties german = load(bundle, "_de");
            assertThat(german.stringPropertyNames()).as(bundle).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
            assertThat(english.stringPropertyNames().stream()
                    .filter(k -> !placeholders(english.getProperty(k)).equals(placeholders(german.getProperty(k)))).toList())
                    .as(bundle + ": messages whose placeholders differ between the languages").isEmpty();
        }
    }

    @Test
    void everyKeyAViewOrServiceAsksForExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Bundle bundle : BUNDLES) {
            Properties english = load(bundle.name(), "");
            try (Stream<Path> files = Files.walk(bundle.sources())) {
                for (Path file : files.filter(f -> f.toString().endsWith(bundle.suffix())).toList()) {
                    Matcher found = bundle.key().matcher(Files.readString(file));
                    while (found.find()) {
                        if (!english.containsKey(found.group(1))) {
                            missing.add(file.getFileName() + ": " + found.group(1));
                        }
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theLanguageFollowsTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMAN);
            assertThat(Messages.get("tab.plant")).isEqualTo("Werk");
            assertThat(Messages.format("plant.parts", 1234, 5)).isEqualTo("1.234 gut · 5 Ausschuss");
            assertThat(com.ms5.floor.plc.api.PlcText.format("tagmap.slot", 40)).isEqualTo("der Steckplatz der Steuerung ist 0-31, war 40");
            assertThat(com.ms5.floor.analytics.AnalyticsText.format("oee.overSpeed", "L1-FILLER", 100.4))
                    .isEqualTo("L1-FILLER: Leistung 100,4 % liegt über 100 %");
            Locale.setDefault(Locale.US);
            assertThat(Messages.get("tab.plant")).isEqualTo("Plant");
            assertThat(Messages.format("plant.parts", 1234, 5)).isEqualTo("1,234 good · 5 rejected");
            assertThat(com.ms5.floor.plc.api.PlcText.format("tagmap.slot", 40)).isEqualTo("the controller's slot is 0-31, was 40");
        } finally {
            Locale.setDefault(before);
        }
    }

    private static Properties load(String bundle, String suffix) throws IOException {
        Properties p = new Properties();
        try (var in = MessagesTest.class.getResourceAsStream("/" + bundle + suffix + ".properties");
             var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }

    private static List<String> placeholders(String message) {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(message);
        while (m.find()) {
            found.add(m.group());
        }
        found.sort(null);
        return found;
    }
}
