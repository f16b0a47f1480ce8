package com.ms5.floor.plc.virtual;

import java.nio.ByteBuffer;

/**
 * One client's protocol state on a {@link FrameServer}: the server cuts the TCP stream into
 * frames (a fixed-length header announcing its body's length) and hands each whole frame here.
 * Replies go to the sink the connection was created with. Called on the server's one thread only.
 */
interface FrameProtocol {

    int headerLength();

    /**
     * @param header exactly {@link #headerLength()} bytes
     * @return the body length this header announces, or -1 if the stream cannot go on (the
     *         connection closes once the replies already sent have gone out)
     */
    int bodyLength(ByteBuffer header);

    /** @return {@code false} to close the connection once the replies already sent have gone out */
    boolean onFrame(byte[] header, byte[] body);
}
