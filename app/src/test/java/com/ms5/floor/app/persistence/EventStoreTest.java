package com.ms5.floor.app.persistence;

import com.ms5.floor.app.model.ConfigVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.ms5.floor.analytics.ProductionMinute;
import com.ms5.floor.analytics.andon.AlarmState;
import com.ms5.floor.analytics.andon.AndonBoard;
import com.ms5.floor.analytics.andon.AndonCall;
import com.ms5.floor.analytics.andon.AndonEvent;
import com.ms5.floor.analytics.andon.CallType;
import com.ms5.floor.analytics.downtime.DowntimeEvent;
import com.ms5.floor.analytics.downtime.DowntimeLog;
import com.ms5.floor.analytics.oee.OeeFigures;
import com.ms5.floor.analytics.oee.OeeProfile;
import com.ms5.floor.analytics.state.MachineState;
import com.ms5.floor.analytics.state.StateInterval;
import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.base.AppDirectories;
import com.ms5.floor.app.sync.Journal;
import com.ms5.floor.app.model.StoredEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL in the app-data folder, through Flyway, JDBC batches and Hibernate (validate). */
class EventStoreTest {
    private static final Instant EIGHT = Instant.parse("2026-11-24T08:00:00Z");

    @TempDir
    Path home;

    private AppConfig config() throws Exception {
        return AppConfig.load(new AppDirectories(home), home.resolve("none.properties"));
    }

    @Test
    void minutesSurviveARestartARestartWithinAMinuteAddsToItAndAReplayDoesNot() throws Exception {
        UUID firstRun = UUID.randomUUID();
        UUID secondRun = UUID.randomUUID();
        try (Database database = Database.open(config())) {
            EventStore store = new EventStore(database, "A");
            store.store(List.of(minute(firstRun, EIGHT, 100, 97), minute(firstRun, EIGHT.plusSeconds(60), 110, 110)));
        }
        try (Database database = Database.open(config())) {
            EventStore store = new EventStore(database, "A");
            // the app restarted during 08:01 and counted 5 more parts of it...
            store.store(List.of(minute(secondRun, EIGHT.plusSeconds(60), 5, 4)));
            // ...and its journal is replayed once more after a crash: nothing doubles
            store.store(List.of(minute(secondRun, EIGHT.plusSeconds(60), 5, 4), minute(firstRun, EIGHT, 100, 97)));
            ProductionMinuteRepository repository = new ProductionMinuteRepository(database);
            assertThat(repository.minutesSince("L1-FILLER", EIGHT))
                    .extracting(ProductionMinute::totalCount, ProductionMinute::goodCount)
                    .containsExactly(tuple(100L, 97L), tuple(115L, 114L));
            assertThat(repository.minutesSince("L2-CAPPER", EIGHT)).isEmpty();
        }
    }

    /** One batch with the same minute twice (counted again after a reconnect): stored, with its last figure. */
    @Test
    void aMinuteTwiceInOneBatchIsStoredWithItsLastFigure() throws Exception {
        UUID run = UUID.randomUUID();
        try (Database database = Database.open(config())) {
            new EventStore(database, "A").store(List.of(minute(run, EIGHT, 50, 49), minute(run, EIGHT.plusSeconds(60), 7, 7),
                    minute(run, EIGHT, 60, 58)));
            assertThat(new ProductionMinuteRepository(database).minutesSince("L1-FILLER", EIGHT))
                    .extracting(ProductionMinute::totalCount, ProductionMinute::goodCount)
                    .containsExactly(tuple(60L, 58L), tuple(7L, 7L));
        }
    }

    @Test
    void intervalsAndStopsStoredTwiceAreThereOnce() throws Exception {
        StateInterval running = new StateInterval("L1-FILLER", MachineState.RUNNING, EIGHT, EIGHT.plusSeconds(300), 0, null);
        StateInterval down = new StateInterval("L1-FILLER", MachineState.UNPLANNED_DOWN, EIGHT.plusSeconds(300), EIGHT.plusSeconds(420), 17, null);
        try (Database database = Database.open(config())) {
            EventStore store = new EventStore(database, "A");
            List<StoredEvent> events = List.of(new StoredEvent.IntervalClosed(running), new StoredEvent.IntervalClosed(down),
                    new StoredEvent.DowntimeClosed(stop()));
            store.store(events);
            store.store(events);
            assertThat(count(database, "SELECT count(*) FROM state_interval WHERE machine_id = 'L1-FILLER'")).isEqualTo(2);
            assertThat(count(database, "SELECT count(*) FROM downtime_event")).isEqualTo(1);
        }
    }

    @Test
    void aSecondAcknowledgementIsRefusedAndTheOwnersLaterWriteKeepsTheFirst() throws Exception {
        AndonCall raised = call(0, 1);
        try (Database database = Database.open(config())) {
            EventStore owner = new EventStore(database, "A");
            owner.store(List.of(new StoredEvent.AndonChanged(new AndonEvent(AndonEvent.Kind.RAISED, raised, EIGHT, "raised"))));
            AndonCallRepository atA = new AndonCallRepository(database, "A");
            AndonCallRepository atB = new AndonCallRepository(database, "B");

            AndonCall acknowledged = atB.acknowledge(raised.id(), "bob", EIGHT.plusSeconds(30));
            assertThat(acknowledged.acknowledgedBy()).isEqualTo("bob at B");
            assertThat(acknowledged.state()).isEqualTo(AlarmState.ACK_ACTIVE);
            assertThatThrownBy(() -> atA.acknowledge(raised.id(), "ann", EIGHT.plusSeconds(31)))
                    .isInstanceOf(AndonBoard.Conflict.class)
                    .hasMessage("Already acknowledged by bob at B at " + EIGHT.plusSeconds(30));

            // The owner had not heard of it yet and writes the call escalated, unacknowledged.
            AndonCall escalated = call(2, 2);
            owner.store(List.of(new StoredEvent.AndonChanged(new AndonEvent(AndonEvent.Kind.ESCALATED, escalated,
                    EIGHT.plusSeconds(40), "level 2"))));
            AndonCall stored = atA.find(raised.id());
            assertThat(stored.level()).isEqualTo(2);
            assertThat(stored.acknowledgedBy()).isEqualTo("bob at B");
            assertThat(stored.state()).isEqualTo(AlarmState.ACK_ACTIVE);
            assertThat(atA.openCalls()).extracting(AndonCall::id).containsExactly(raised.id());
            assertThat(count(database, "SELECT count(*) FROM andon_call_event")).isEqualTo(2);
            assertThat(count(database, "SELECT count(*) FROM audit_log WHERE action = 'acknowledge'")).isEqualTo(1);
        }
    }

    @Test
    void aReasonEditBasedOnAnOlderVersionIsRefusedWithWhoChangedIt() throws Exception {
        DowntimeEvent stop = stop();
        try (Database database = Database.open(config())) {
            new EventStore(database, "A").store(List.of(new StoredEvent.DowntimeClosed(stop)));
            DowntimeRepository atA = new DowntimeRepository(database, "A");
            DowntimeRepository atB = new DowntimeRepository(database, "B");
            long version = atA.events("L1", EIGHT, EIGHT.plusSeconds(3600)).getFirst().revision();

            DowntimeEvent edited = atA.assignReason(stop.id(), version, "mechanical/jam", "bottle jam at infeed", "ann",
                    EIGHT.plusSeconds(600));
            assertThat(edited.reasonId()).isEqualTo("mechanical/jam");
            assertThat(edited.history()).extracting(DowntimeEvent.Edit::who).containsExactly("ann at A");
            assertThatThrownBy(() -> atB.assignReason(stop.id(), version, "electrical", null, "bob", EIGHT.plusSeconds(601)))
                    .isInstanceOf(DowntimeLog.EditConflict.class)
                    .hasMessage("Already changed by ann at A at " + EIGHT.plusSeconds(600)
                            + "; look at it again before you change it");
            assertThat(atB.events("L1", EIGHT, EIGHT.plusSeconds(3600)).getFirst().reasonId()).isEqualTo("mechanical/jam");
        }
    }

    @Test
    void theJournalGivesBackWhatWasAppendedAfterItWasClosed() throws Exception {
        List<StoredEvent> events = List.of(minute(UUID.randomUUID(), EIGHT, 10, 9),
                new StoredEvent.IntervalClosed(new StateInterval("M", MachineState.PLANNED_DOWN, EIGHT, EIGHT.plusSeconds(5), 0, "Break")),
                new StoredEvent.DowntimeClosed(stop()),
                new StoredEvent.AndonChanged(new AndonEvent(AndonEvent.Kind.RAISED, call(1, 1), EIGHT, "raised")),
                new StoredEvent.ShiftClosed("M", "2026-11-24 Early", EIGHT, EIGHT.plusSeconds(8 * 3600), idleShift()));
        try (Journal journal = Journal.open(home.resolve("journal.db"))) {
            journal.append(events, EIGHT);
        }
        try (Journal journal = Journal.open(home.resolve("journal.db"))) {
            List<Journal.Entry> waiting = journal.oldest(10);
            assertThat(waiting).extracting(Journal.Entry::event).containsExactlyElementsOf(events);
            journal.removeUpTo(waiting.get(1).seq());
            assertThat(journal.size()).isEqualTo(3);
        }
    }

    /**
     * An event the database refuses for what it says (here a minute with more good parts than parts,
     * against a check constraint) must not hold back the events behind it, nor be lost: it is set
     * aside in the journal with the database's reason, and the station says so.
     */
    @Test
    void anEventTheDatabaseRefusesIsSetAsideAndTheEventsBehindItAreStored() throws Exception {
        StateInterval before = new StateInterval("L1-FILLER", MachineState.RUNNING, EIGHT, EIGHT.plusSeconds(60), 0, null);
        StateInterval after = new StateInterval("L1-FILLER", MachineState.BLOCKED, EIGHT.plusSeconds(60), EIGHT.plusSeconds(90), 0, null);
        try (Database database = Database.open(config())) {
            com.ms5.floor.app.sync.EventRecorder recorder = new com.ms5.floor.app.sync.EventRecorder(
                    Journal.open(home.resolve("journal.db")), java.time.Clock.systemUTC());
            recorder.record(new StoredEvent.IntervalClosed(before));
            recorder.record(minute(UUID.randomUUID(), EIGHT, 5, 9));
            recorder.record(new StoredEvent.IntervalClosed(after));
            recorder.attach(new EventStore(database, "A"));
            com.ms5.floor.app.Await.until(java.time.Duration.ofSeconds(20), "the good events stored, the bad one set aside",
                    () -> recorder.backlog().waiting() == 0 && recorder.backlog().setAside() == 1, () -> recorder.backlog().toString());
            assertThat(recorder.backlog().online()).as("the database is fine: the station is not offline").isTrue();
            assertThat(count(database, "SELECT count(*) FROM state_interval WHERE machine_id = 'L1-FILLER'")).isEqualTo(2);
            recorder.close();
        }
        try (Journal journal = Journal.open(home.resolve("journal.db"));
             Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + home.resolve("journal.db"));
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT event, reason FROM set_aside")) {
            assertThat(journal.setAsideCount()).as("kept across a restart").isEqualTo(1);
            assertThat(r.next()).isTrue();
            assertThat(r.getString("event")).contains("\"goodCount\":9");
            assertThat(r.getString("reason")).contains("check constraint");
        }
    }

    @Test
    void aShiftsOeeIsStoredOnceAndALaterFigureOfTheSameShiftReplacesIt() throws Exception {
        // 420 min loading, 373 min running, 19,271 parts, 18,848 good at 1 s ideal (oee.com's worked example)
        OeeFigures partial = new OeeFigures(OeeProfile.ISO_22400, 28800, 25200, 22380, 0, 2820, 0, 3600, 0, 0, 0,
                10000, 9800, 10000, 9800, 0, List.of());
        OeeFigures whole = new OeeFigures(OeeProfile.ISO_22400, 28800, 25200, 22380, 0, 2820, 0, 3600, 0, 0, 0,
                19271, 18848, 19271, 18848, 0, List.of());
        try (Database database = Database.open(config())) {
            EventStore store = new EventStore(database, "A");
            Instant end = EIGHT.plusSeconds(8 * 3600);
            store.store(List.of(new StoredEvent.ShiftClosed("L1-FILLER", "2026-11-24 Early", EIGHT, end, partial),
                    new StoredEvent.ShiftClosed("L1-CAPPER", "2026-11-24 Early", EIGHT, end, idleShift())));
            store.store(List.of(new StoredEvent.ShiftClosed("L1-FILLER", "2026-11-24 Early", EIGHT, end, whole)));
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT machine_id, good_count, round(oee::numeric, 4), availability "
                         + "FROM oee_shift ORDER BY machine_id")) {
                r.next();
                assertThat(r.getString(1)).isEqualTo("L1-CAPPER");
                assertThat(r.getDouble(4)).as("a shift with no loading time has no availability").isNaN();
                r.next();
                assertThat(r.getLong(2)).isEqualTo(18848);
                assertThat(r.getDouble(3)).isEqualTo(0.7479); // 18,848 s / 25,200 s
                assertThat(r.next()).isFalse();
            }
        }
    }

    @Test
    void aConfigurationDocumentBecomesANewVersionOnlyWhenItChanged() throws Exception {
        try (Database database = Database.open(config())) {
            ConfigVersionRepository atA = new ConfigVersionRepository(database, "A");
            ConfigVersionRepository atB = new ConfigVersionRepository(database, "B");
            assertThat(atA.saveIfChanged("tagmap", "{\"plant\": \"Demo\", \"lines\": []}", "ann", "first")).isEqualTo(1);
            // the same document, formatted differently, from another station: no new version
            assertThat(atB.saveIfChanged("tagmap", "{\"lines\":[],\"plant\":\"Demo\"}", "bob", "same")).isEqualTo(1);
            assertThat(atB.saveIfChanged("tagmap", "{\"plant\": \"Demo 2\", \"lines\": []}", "bob", "renamed")).isEqualTo(2);
            ConfigVersion latest = atA.latest("tagmap").orElseThrow();
            assertThat(latest.author()).isEqualTo("bob at B");
            assertThat(latest.summary()).isEqualTo("renamed");
            assertThat(count(database, "SELECT count(*) FROM audit_log WHERE action = 'config-version'")).isEqualTo(2);
        }
    }

    private static OeeFigures idleShift() {
        return new OeeFigures(OeeProfile.ISO_22400, 28800, 0, 0, 0, 0, 0, 0, 28800, 0, 0, 0, 0, 0, 0, 0, List.of());
    }

    private static StoredEvent minute(UUID run, Instant start, long total, long good) {
        return new StoredEvent.MinuteClosed(run, new ProductionMinute("L1-FILLER", start, total, good, total * 0.5, false));
    }

    private static DowntimeEvent stop() {
        return new DowntimeEvent(UUID.nameUUIDFromBytes("L1-FILLER|08:05".getBytes()), "L1-FILLER", "L1", MachineState.UNPLANNED_DOWN,
                EIGHT.plusSeconds(300), EIGHT.plusSeconds(420), 17, "unassigned", 1, null, List.of(), 0);
    }

    private static AndonCall call(int level, long revision) {
        return new AndonCall(UUID.nameUUIDFromBytes("L1|fault:17".getBytes()), CallType.MAINTENANCE, "L1", "L1-FILLER",
                Set.of("L1-FILLER"), "fault:17", AndonCall.Source.FAULT_CODE, EIGHT, AlarmState.UNACK_ACTIVE, true, level,
                null, null, null, null, 1, false, null, null, null, revision);
    }

    private static long count(Database database, String sql) throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
