package com.ms5.floor.app.ui.notify;

import com.ms5.floor.app.base.NamedThreads;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two short tones for a call that needs a person, made here (no sound files, no JavaFX media) and
 * played on a thread of their own. Chimes asked for while one plays are one chime. A station
 * without a sound device stays silent and says so once in the log.
 */
final class Chime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Chime.class);
    private static final float RATE = 22_050;

    private final ExecutorService thread = NamedThreads.singleThread("notify-sound");
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean silent;

    void play() {
        if (!silent && pending.compareAndSet(false, true)) {
            thread.execute(this::sound);
        }
    }

    private void sound() {
        pending.set(false);
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
            line.open(format);
            line.start();
            byte[] tones = concat(tone(880, 0.15), tone(0, 0.05), tone(660, 0.2));
            line.write(tones, 0, tones.length);
            line.drain();
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            silent = true;
            log.info("No sound device ({}): notifications are shown without a chime", e.getMessage());
        }
    }

    /** A sine tone (0 Hz: silence), 16-bit little-endian, with a short fade so it does not click. */
    private static byte[] tone(double hz, double seconds) {
        int samples = (int) (seconds * RATE);
        byte[] out = new byte[samples * 2];
        int fade = (int) (0.01 * RATE);
        for (int i = 0; i < samples; i++) {
            double envelope = Math.min(1, Math.min(i, samples - 1 - i) / (double) fade);
            short value = (short) (Math.sin(2 * Math.PI * hz * i / RATE) * envelope * 0.4 * Short.MAX_VALUE);
            out[2 * i] = (byte) value;
            out[2 * i + 1] = (byte) (value >> 8);
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
