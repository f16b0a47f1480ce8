package com.ms5.floor.plc.bench;

import com.ms5.floor.plc.api.SampleBatch;
import com.ms5.floor.plc.api.TagValue;
import com.ms5.floor.plc.poll.PollTag;
import com.ms5.floor.plc.poll.Poller;
import com.ms5.floor.plc.tagmap.DataType;
import com.ms5.floor.plc.tagmap.Driver;
import com.ms5.floor.plc.tagmap.TagAddress;
import com.ms5.floor.plc.tagmap.TagMap;
import com.ms5.floor.plc.virtual.LogixType;
import com.ms5.floor.plc.virtual.PcccDataTable;
import com.ms5.floor.plc.virtual.TagDatabase;
import com.ms5.floor.plc.virtual.VirtualController;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.plc4x.java.abeth.readwrite.CIPEncapsulationPacket;
import org.apache.plc4x.java.eip.readwrite.EipPacket;
import org.apache.plc4x.java.spi.generation.ByteOrder;
import org.apache.plc4x.java.spi.generation.ReadBufferByteBased;

/**
 * Fuzz of the decoder path, in two parts. Live: a Logix and an SLC poller read through a proxy that
 * corrupts a share of the controllers' replies; no session may wedge. Then offline, at volume:
 * malformed EtherNet/IP and CSP replies, made by mutating real replies (bytes flipped, cut short,
 * lengths and commands changed, garbage appended), fed to PLC4X 0.13.1's own reply parsers as the
 * poller's connections feed them. Every frame must end in a parsed packet or a rejection; none may
 * crash the JVM (an Error) or hang the decoder.
 *
 * <p>Seeds: the replies of frames 2-10 of a capture published in Apache PLC4X's test suite,
 * protocols/eip/src/test/resources/protocols/logix/CompactLogixSimpleRead.xml (the same frames
 * CompactLogixCaptureTest replays) for EtherNet/IP; for CSP, the clean replies of the virtual SLC
 * 5/05 to PLC4X's ab-eth driver in the live part. Prints tables; run with {@code -Pbench-fuzz}
 * (arguments: frames per protocol, default 100,000; corrupted replies per live session, default 75).
 */
public final class DecoderFuzzBenchmark {
    private static final List<String> REPLIES = List.of(
            "04001a000000000000000000504c4334582020200000000001000001140001002001436f6d6d756e69636174696f6e730000",
            "650004001100000000000000504c4334582020200000000001000000",
            "6f006a001100000000000000504c43345820202000000000000000000000020000000000b2005a00810000002a000100020006000403f400a1003700770073006700680069006a006b006c006d006e006f007000720074007f008b008c008d008e007e00a200a300f200ac00b000b1002b03b20035031a0317031803160319036400",
            "6f002e001100000000000000504c43345820202000000000000000000000020000000000b2001e00db0000000100000098840000430f37132a00000034122000014020000000",
            "700020001100000000000000000000000000000000000000000000000000000000000200a100040098840000b1000c000100cc000000ca0000000000");

    private DecoderFuzzBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int corruptedPerSession = args.length > 1 ? Integer.parseInt(args[1]) : 75;
        // Every corrupted reply is a warning with a stack trace; the tables are the output here.
        ((ch.qos.logback.classic.LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory()).getLoggerList()
                .forEach(logger -> logger.setLevel(ch.qos.logback.classic.Level.OFF));
        List<byte[]> cspSeeds = liveSessions(corruptedPerSession);
        Random random = new Random(22400);
        boolean failed = decoderFuzz("EtherNet/IP", REPLIES.stream().map(HexFormat.of()::parseHex).toList(), frames, random,
                frame -> EipPacket.staticParse(new ReadBufferByteBased(frame, ByteOrder.LITTLE_ENDIAN), true),
                "a real CompactLogix session");
        failed |= decoderFuzz("CSP (ab-eth)", cspSeeds, frames, random,
                frame -> CIPEncapsulationPacket.staticParse(new ReadBufferByteBased(frame, ByteOrder.BIG_ENDIAN)),
                "PLC4X's ab-eth driver reading the virtual SLC 5/05");
        if (failed) {
            throw new IllegalStateException("a decoder crashed or hung on a malformed frame");
        }
    }

    /** PLC4X's parse of one reply, as the connection's decoder calls it. */
    private interface Parser {
        void parse(byte[] frame) throws Exception;
    }

    /** Returns whether any frame crashed the decoder or took over a second. */
    private static boolean decoderFuzz(String protocol, List<byte[]> seeds, int frames, Random random, Parser parser,
                                       String seedSource) {
        long parsed = 0;
        long rejected = 0;
        long crashed = 0;
        long slowest = 0;
        long[] nanos = new long[frames];
        long started = System.nanoTime();
        for (int i = 0; i < frames; i++) {
            byte[] frame = mutate(seeds.get(random.nextInt(seeds.size())), random);
            long t0 = System.nanoTime();
            try {
                parser.parse(frame);
                parsed++;
            } catch (Exception e) {
                rejected++; // what the connection's decoder turns into a failed request
            } catch (StackOverflowError | OutOfMemoryError e) {
                crashed++;
            }
            nanos[i] = System.nanoTime() - t0;
            slowest = Math.max(slowest, nanos[i]);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        java.util.Arrays.sort(nanos);
        System.out.printf("%n%s decoder fuzz: %,d malformed replies from %d seeds of %s%n", protocol, frames, seeds.size(),
                seedSource);
        System.out.printf("  %-28s %,12d%n  %-28s %,12d%n  %-28s %,12d%n", "parsed anyway", parsed,
                "rejected (an exception)", rejected, "crashed (an Error)", crashed);
        System.out.printf("  %-28s %,12.0f frames/s%n  %-28s %12.1f / %.1f / %.1f us (p50 / p99 / max)%n", "throughput",
                frames / seconds, "decode time", nanos[frames / 2] / 1e3, nanos[(int) (frames * 0.99)] / 1e3, slowest / 1e3);
        return crashed > 0 || slowest > 1_000_000_000L;
    }

    /**
     * Malformed replies inside live sessions: a Logix poller (20 DINTs) and an SLC poller (10 words
     * of N7) read the virtual controllers through {@link CorruptingProxy}s that corrupt 5 % of the
     * replies until each has corrupted {@code corrupted}; then the line is clean again and each session must deliver every
     * tag good by itself within a minute, or it counts as wedged. Deadlines are shorter than the
     * station's so that the run sees many recoveries. Returns the clean CSP replies seen, as seeds.
     */
    private static List<byte[]> liveSessions(int corrupted) throws Exception {
        Poller.Settings settings = new Poller.Settings(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(20), Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofMillis(500));
        TagDatabase logixTags = new TagDatabase();
        List<PollTag> logixPolled = new ArrayList<>();
        Map<String, Long> logixHolds = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            logixTags.define("Fuzz_" + i, LogixType.Atomic.DINT).setDint(i * 7);
            logixPolled.add(new PollTag("l" + i, TagAddress.plc4x(Driver.LOGIX, "Fuzz_" + i, DataType.DINT), DataType.DINT,
                    null, 0, "fast", 50));
            logixHolds.put("l" + i, i * 7L);
        }
        PcccDataTable files = new PcccDataTable();
        PcccDataTable.DataFile n7 = files.define(7, PcccDataTable.FileType.INTEGER, 10);
        List<PollTag> slcPolled = new ArrayList<>();
        Map<String, Long> slcHolds = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            n7.setWord(i, 0, i * 3);
            slcPolled.add(new PollTag("s" + i, TagAddress.plc4x(Driver.AB_ETH, "N7:" + i, DataType.INT), DataType.INT, null,
                    0, "fast", 50));
            slcHolds.put("s" + i, i * 3L);
        }
        Session[] sessions = new Session[2];
        try (VirtualController logix = VirtualController.logix(0, logixTags, "1769-L33ER/B LOGIX5333ER");
             VirtualController slc = VirtualController.slc(0, files, 1);
             CorruptingProxy logixProxy = CorruptingProxy.etherNetIp(logix.port(), 1);
             CorruptingProxy slcProxy = CorruptingProxy.csp(slc.port(), 2)) {
            sessions[0] = new Session("Logix (logix://)", logixProxy, logixHolds, new TagMap.Connection("logix", Driver.LOGIX,
                    "127.0.0.1", logixProxy.port(), 0, List.of(new TagMap.ScanClass("fast", 50))), logixPolled, settings);
            sessions[1] = new Session("SLC 5/05 (ab-eth)", slcProxy, slcHolds, new TagMap.Connection("slc", Driver.AB_ETH,
                    "127.0.0.1", slcProxy.port(), 1, List.of(new TagMap.ScanClass("fast", 50))), slcPolled, settings);
            for (Session s : sessions) {
                s.poller.start();
            }
            for (Session s : sessions) {
                s.awaitAllGood(Duration.ofSeconds(30));
            }
            int threadsBefore = threads();
            int filesBefore = openFiles();
            long fuzzStart = System.nanoTime();
            for (Session s : sessions) {
                s.startFuzz();
            }
            for (Session s : sessions) {
                if (!s.proxy.awaitCorrupted(corrupted, Duration.ofMinutes(10))) {
                    throw new IllegalStateException(s.name + ": fewer than " + corrupted + " replies corrupted in 10 minutes");
                }
            }
            for (Session s : sessions) {
                s.stopFuzz();
            }
            int threadsAfter = threads();
            int filesAfter = openFiles();
            for (Session s : sessions) {
                s.poller.close();
            }
            System.out.printf("Live sessions through a proxy corrupting 5 %% of the controller's replies until each had %d "
                    + "corrupted (%.0f s), then clean:%n", corrupted, (System.nanoTime() - fuzzStart) / 1e9);
            System.out.printf("  %-20s %9s %9s %9s %12s %11s %12s %14s %7s%n", "session", "replies", "corrupt", "sessions",
                    "good scans", "bad values", "quarantines", "recovered in", "wedged");
            int wedged = 0;
            for (Session s : sessions) {
                wedged += s.report();
            }
            System.out.println("  good scans: scans with every tag good during the fuzz. bad values: a value delivered as good"
                    + "\n  that the controller does not hold (parsed from a corrupted reply that still decodes). recovered in:"
                    + "\n  from the clean line to the first scan with every tag good and right.");
            System.out.printf("  threads %d before the fuzz, %d after; open files %d before, %d after%n", threadsBefore,
                    threadsAfter, filesBefore, filesAfter);
            if (wedged > 0) {
                throw new IllegalStateException(wedged + " session(s) wedged");
            }
            return slcProxy.seeds();
        } finally {
            for (Session s : sessions) {
                if (s != null) {
                    s.poller.close();
                }
            }
        }
    }

    private static int threads() {
        return Thread.getAllStackTraces().size();
    }

    /** This process's open file descriptors (sockets included), on Linux. */
    private static int openFiles() {
        String[] fds = new java.io.File("/proc/self/fd").list();
        return fds == null ? 0 : fds.length;
    }

    /** One poller behind a corrupting proxy, and what it delivered. */
    private static final class Session {
        private final String name;
        private final CorruptingProxy proxy;
        /** What the controller holds, by poll tag name. */
        private final Map<String, Long> expected;
        private final Poller poller;
        private final java.util.concurrent.atomic.AtomicLong scans = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong goodScans = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong wrongValues = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.Set<String> quarantined = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private volatile long lastAllGoodNanos;
        private long cleanSinceNanos;
        private long recoveredNanos = -1;

        Session(String name, CorruptingProxy proxy, Map<String, Long> expected, TagMap.Connection connection,
                List<PollTag> tags, Poller.Settings settings) {
            this.name = name;
            this.proxy = proxy;
            this.expected = expected;
            this.poller = new Poller(connection, tags, Clock.systemUTC(), this::received, settings);
        }

        private void received(SampleBatch batch) {
            scans.incrementAndGet();
            boolean allGoodAndRight = true;
            for (Map.Entry<String, TagValue> e : batch.values().entrySet()) {
                TagValue v = e.getValue();
                if (!v.isGood()) {
                    allGoodAndRight = false;
                } else if (!expected.get(e.getKey()).equals(v.asLong())) {
                    wrongValues.incrementAndGet();
                    allGoodAndRight = false;
                }
            }
            quarantined.addAll(poller.health().quarantined().keySet());
            if (allGoodAndRight && batch.values().size() == expected.size()) {
                goodScans.incrementAndGet();
                synchronized (this) {
                    lastAllGoodNanos = System.nanoTime();
                    notifyAll();
                }
            }
        }

        /** Waits until a scan with every tag good and right arrives, or the deadline passes. */
        synchronized void awaitAllGood(Duration deadline) throws InterruptedException {
            long since = System.nanoTime();
            long end = since + deadline.toNanos();
            while (lastAllGoodNanos < since) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }

        void startFuzz() {
            scans.set(0);
            goodScans.set(0);
            wrongValues.set(0);
            quarantined.clear();
            proxy.corrupt(0.05);
        }

        void stopFuzz() throws InterruptedException {
            proxy.corrupt(0);
            cleanSinceNanos = System.nanoTime();
            awaitAllGood(Duration.ofSeconds(60));
            if (lastAllGoodNanos >= cleanSinceNanos) {
                recoveredNanos = lastAllGoodNanos - cleanSinceNanos;
            }
        }

        /** Prints the row; returns 1 if the session never recovered. */
        int report() {
            System.out.printf("  %-20s %,9d %,9d %,9d %11.1f%% %,11d %,12d %14s %7s%n", name, proxy.replies.get(),
                    proxy.corrupted.get(), proxy.sessions.get(), 100.0 * goodScans.get() / Math.max(1, scans.get()),
                    wrongValues.get(), quarantined.size(), recoveredNanos < 0 ? "never" : "%.2f s".formatted(recoveredNanos / 1e9),
                    recoveredNanos < 0 ? "yes" : "no");
            return recoveredNanos < 0 ? 1 : 0;
        }
    }

    /** One to four of: flip a byte, cut the frame short, change its length or command, append garbage. */
    static byte[] mutate(byte[] seed, Random random) {
        byte[] frame = seed.clone();
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            switch (random.nextInt(5)) {
                case 0 -> frame[random.nextInt(frame.length)] = (byte) random.nextInt(256);
                case 1 -> frame = java.util.Arrays.copyOf(frame, Math.max(1, random.nextInt(frame.length)));
                case 2 -> {
                    if (frame.length >= 4) { // the encapsulation header's length field
                        int length = random.nextBoolean() ? 0xFFFF : random.nextInt(0x10000);
                        frame[2] = (byte) length;
                        frame[3] = (byte) (length >> 8);
                    }
                }
                case 3 -> frame[0] = (byte) random.nextInt(256); // another command
                default -> {
                    byte[] longer = java.util.Arrays.copyOf(frame, frame.length + 1 + random.nextInt(64));
                    for (int i = frame.length; i < longer.length; i++) {
                        longer[i] = (byte) random.nextInt(256);
                    }
                    frame = longer;
                }
            }
        }
        return frame;
    }
}
