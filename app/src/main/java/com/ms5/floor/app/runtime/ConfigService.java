package com.ms5.floor.app.runtime;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.live.LiveValues;
import com.ms5.floor.app.live.StationEvent;
import com.ms5.floor.app.live.StationEvents;
import com.ms5.floor.app.model.ConfigVersion;
import com.ms5.floor.app.persistence.ConfigVersionRepository;
import com.ms5.floor.app.rules.PlantRules;
import com.ms5.floor.plc.tagmap.TagMap;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import com.ms5.floor.app.persistence.StorageException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plant's configuration documents ({@link ConfigKind}: the tag map and the plant rules) as
 * this station runs by them: saved as versions in the shared database, listed, and adopted live
 * when any station stores a new one (analytics and the pollers follow without a restart). The
 * newest stored version wins over this station's files; a database without one is given this
 * station's as its first version.
 *
 * <p>Threads: adopting on {@code station-startup}, reading and saving on {@code db-work}; the
 * current documents and versions from any thread.
 */
@Singleton
public final class ConfigService {
    private static final Logger log = LoggerFactory.getLogger(ConfigService.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final AppConfig config;
    private final StationThreads threads;
    private final StationDatabase database;
    private final StationPlant plant;
    private final PollingSupervisor polling;
    private final LiveValues live;
    private final CurrentUser user;

    /** The tag map as the plant's configuration holds it (not pointed at the virtual plant). */
    private volatile TagMap tagMap = new TagMap("", List.of(), List.of());
    private volatile int tagMapVersion;
    private volatile PlantRules rules;
    private volatile int rulesVersion;

    @Inject
    ConfigService(AppConfig config, StationThreads threads, StationDatabase database, StationPlant plant,
                  PollingSupervisor polling, LiveValues live, CurrentUser user, StationEvents events) {
        this.config = config;
        this.threads = threads;
        this.database = database;
        this.plant = plant;
        this.polling = polling;
        this.live = live;
        this.user = user;
        events.subscribe(StationEvent.ConfigStored.class, this::onStored);
    }

    /** The plant's tag map as configured and its stored version (0: not stored yet); any thread. */
    public TagMap tagMap() {
        return tagMap;
    }

    public int tagMapVersion() {
        return tagMapVersion;
    }

    /** The plant rules analytics runs by and their stored version; any thread. */
    public PlantRules rules() {
        return rules;
    }

    public int rulesVersion() {
        return rulesVersion;
    }

    /** A document as this station runs by it now. */
    public <T> T current(ConfigKind<T> kind) {
        return kind.type().cast(kind.equals(ConfigKind.TAG_MAP) ? tagMap : rules);
    }

    /** The stored version this station runs by (0: not stored yet). */
    public int version(ConfigKind<?> kind) {
        return kind.equals(ConfigKind.TAG_MAP) ? tagMapVersion : rulesVersion;
    }

    /** The ideal cycle time of a machine the plant rules give none (station setting {@code machine.idealCycleSeconds}). */
    public double defaultIdealCycleSeconds() {
        return config.idealCycleSeconds();
    }

    /** What analytics is told about the plant, by the documents as they are now, on the tag map as polled. */
    PlantSetup setup(TagMap polled) {
        return PlantSetup.of(polled, rules, rulesVersion, config.idealCycleSeconds());
    }

    /** On {@code station-startup}: the documents from this station's files, before the database answers. */
    void begin(TagMap configured, PlantRules startRules) {
        tagMap = configured;
        rules = startRules;
        live.publish(ConfigKind.TAG_MAP.liveKey(), 0);
        live.publish(ConfigKind.PLANT_RULES.liveKey(), 0);
    }

    /** On {@code station-startup}, once the database answers: the stored versions, the rules first (the tag map's adoption hands analytics their version). */
    void adoptStored(Connected connected, String origin) {
        seedAndAdopt(connected.configVersions(), ConfigKind.PLANT_RULES, rules, "first version: " + rules.shifts().size()
                + " shift(s), " + rules.reasons().size() + " reason(s), " + rules.products().size() + " product(s), from "
                + origin, this::adoptRules);
        seedAndAdopt(connected.configVersions(), ConfigKind.TAG_MAP, tagMap, "first version: "
                + tagMap.connections().size() + " connection(s), " + tagMap.machines().size() + " machine(s), from "
                + origin, this::adoptTagMap);
    }

    private <T> void seedAndAdopt(ConfigVersionRepository versions, ConfigKind<T> kind, T seed, String firstSummary,
                                  Consumer<ConfigVersion> adopt) {
        try {
            if (versions.latest(kind.id()).isEmpty()) {
                versions.saveIfChanged(kind.id(), kind.json().apply(seed), user.name(), firstSummary);
            }
            versions.latest(kind.id()).ifPresent(adopt);
        } catch (StorageException | IllegalArgumentException e) {
            log.warn("The stored {} could not be used ({}); this station goes on with its own", kind.title(), e.getMessage());
        }
    }

    /** A stored tag-map version becomes what this station polls by, without a restart. */
    private synchronized void adoptTagMap(ConfigVersion version) {
        if (version.version() <= tagMapVersion) {
            return; // already adopted, or older than what this station has
        }
        tagMap = ConfigKind.TAG_MAP.parse(version);
        tagMapVersion = version.version();
        TagMap polled = plant.pointed(tagMap);
        plant.analytics().orElseThrow().use(setup(polled)).join();
        polling.follow(polled);
        live.publish(ConfigKind.TAG_MAP.liveKey(), tagMapVersion);
        log.info("Tag map version {} by {} is live: {}", version.version(), version.author(), version.summary());
    }

    /** A stored version of the plant rules becomes what analytics runs by, without a restart. */
    private synchronized void adoptRules(ConfigVersion version) {
        if (version.version() <= rulesVersion) {
            return;
        }
        rules = ConfigKind.PLANT_RULES.parse(version);
        rulesVersion = version.version();
        plant.analytics().orElseThrow().use(setup(plant.pointed(tagMap))).join();
        live.publish(ConfigKind.PLANT_RULES.liveKey(), rulesVersion);
        log.info("Plant rules version {} by {} are live: {}", version.version(), version.author(), version.summary());
    }

    /** On db-listen: some station stored a version; this one reads it and adopts it on station-startup. */
    private void onStored(StationEvent.ConfigStored stored) {
        Consumer<ConfigVersion> adopt = stored.kind().equals(ConfigKind.TAG_MAP.id()) ? this::adoptTagMap
                : stored.kind().equals(ConfigKind.PLANT_RULES.id()) ? this::adoptRules : null;
        database.open().ifPresent(connected -> {
            if (adopt != null) {
                threads.db().execute(() -> readLatest(connected.configVersions(), stored.kind(), adopt));
            }
        });
    }

    private void readLatest(ConfigVersionRepository versions, String kind, Consumer<ConfigVersion> adopt) {
        try {
            versions.latest(kind).ifPresent(v -> threads.startup().execute(() -> {
                try {
                    adopt.accept(v);
                } catch (RuntimeException e) {
                    log.error("{} version {} cannot be used: {}", kind, v.version(), e.getMessage());
                }
            }));
        } catch (StorageException e) {
            log.warn("Reading the new {} version failed: {}", kind, e.getMessage());
        }
    }

    /**
     * Stores {@code edited} as the next version of a configuration document, by the person signed
     * in, with its changes as the summary; every station (this one too) adopts it from the change
     * notice. Refused with the problems listed if it is not valid, while the database is away (the
     * configuration lives there), and if someone saved a version after {@code baseVersion}, the one
     * the edits started from (never a silent overwrite).
     *
     * @return the new version's number
     */
    public <T> CompletableFuture<Integer> save(ConfigKind<T> kind, T edited, int baseVersion) {
        List<?> problems = kind.problems().apply(edited);
        if (!problems.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(Messages.format("config.problems", problems.size(),
                    Messages.get("config." + kind.id()), problems.stream().map(Object::toString).collect(Collectors.joining("\n")))));
        }
        ConfigVersionRepository versions = database.online().map(Connected::configVersions).orElse(null);
        if (versions == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(Messages.get("config.offline")));
        }
        String who = user.name();
        return CompletableFuture.supplyAsync(() -> {
            try {
                ConfigVersion latest = versions.latest(kind.id()).orElseThrow();
                if (latest.version() > baseVersion) {
                    throw new CompletionException(new IllegalStateException(Messages.format("config.savedMeanwhile",
                            latest.version(), latest.author(), TIME.format(latest.createdAt()), baseVersion, latest.summary())));
                }
                return versions.saveIfChanged(kind.id(), kind.json().apply(edited), who,
                        kind.summary(kind.parse(latest), edited));
            } catch (StorageException e) {
                throw new CompletionException(new IllegalStateException(Messages.format("config.notStored",
                        Messages.get("config." + kind.id() + ".title"), e.getMessage()), e));
            }
        }, threads.db());
    }

    /** Every stored version of a configuration document, newest first. */
    public CompletableFuture<List<ConfigVersion>> versions(ConfigKind<?> kind) {
        ConfigVersionRepository versions = database.open().map(Connected::configVersions).orElse(null);
        if (versions == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(Messages.get("config.notConnected")));
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return versions.versions(kind.id());
            } catch (StorageException e) {
                throw new CompletionException(new IllegalStateException(Messages.format("config.versionsFailed",
                        e.getMessage()), e));
            }
        }, threads.db());
    }
}
