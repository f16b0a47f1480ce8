package com.ms5.floor.plc.bench;

import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.apache.plc4x.java.eip.readwrite.EipPacket;
import org.apache.plc4x.java.spi.generation.ByteOrder;
import org.apache.plc4x.java.spi.generation.ReadBufferByteBased;

/**
 * Fuzz of the decoder path: malformed EtherNet/IP replies, made by mutating the replies of a real
 * CompactLogix session (bytes flipped, cut short, lengths and commands changed, garbage appended),
 * fed to PLC4X 0.13.1's own reply parser as the poller's connection feeds it. Every frame must end
 * in a parsed packet or a rejection; none may crash the JVM (an Error) or hang the decoder.
 *
 * <p>Seeds: the replies of frames 2-10 of a capture published in Apache PLC4X's test suite,
 * protocols/eip/src/test/resources/protocols/logix/CompactLogixSimpleRead.xml (the same frames
 * CompactLogixCaptureTest replays). Prints a table; run with {@code -Pbench-fuzz}.
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

    public static void main(String[] args) {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Random random = new Random(22400);
        List<byte[]> seeds = REPLIES.stream().map(HexFormat.of()::parseHex).toList();
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
                EipPacket.staticParse(new ReadBufferByteBased(frame, ByteOrder.LITTLE_ENDIAN), true);
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
        System.out.printf("EtherNet/IP decoder fuzz: %,d malformed replies from %d seeds of a real CompactLogix session%n",
                frames, seeds.size());
        System.out.printf("  %-28s %,12d%n  %-28s %,12d%n  %-28s %,12d%n", "parsed anyway", parsed,
                "rejected (an exception)", rejected, "crashed (an Error)", crashed);
        System.out.printf("  %-28s %,12.0f frames/s%n  %-28s %12.1f / %.1f / %.1f us (p50 / p99 / max)%n", "throughput",
                frames / seconds, "decode time", nanos[frames / 2] / 1e3, nanos[(int) (frames * 0.99)] / 1e3, slowest / 1e3);
        if (crashed > 0 || slowest > 1_000_000_000L) {
            throw new IllegalStateException("the decoder crashed or hung on a malformed frame");
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
