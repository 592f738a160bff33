package fr.bilan.support.grpc;

import java.io.OutputStream;
import java.util.Objects;
import java.util.function.Consumer;

import com.google.api.HttpBody;
import com.google.protobuf.ByteString;

/**
 * A file sent as the chunks of a streamed download, {@code google.api.HttpBody} messages: the
 * bytes written here leave as chunks of exactly {@code chunkSize} bytes as each fills, and the
 * rest, shorter, on {@link #close()}; the first chunk names the content type, and at least one
 * leaves, even for an empty file, so that the client learns it. Never more than a chunk is held,
 * so a file written as it is produced (a {@link java.io.Writer} over this) is never whole in memory.
 * Flushing sends nothing early: chunks leave full, the last one on close.
 */
public final class HttpBodyChunks extends OutputStream {

    private final String contentType;
    private final byte[] chunk;
    private final Consumer<HttpBody> chunks;
    private int filled;
    private long sent;
    private boolean closed;

    /** Chunks of {@code chunkSize} bytes of a file of {@code contentType}, each handed to {@code chunks}. */
    public HttpBodyChunks(String contentType, int chunkSize, Consumer<HttpBody> chunks) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("a chunk holds at least one byte, not " + chunkSize);
        }
        this.contentType = contentType;
        this.chunk = new byte[chunkSize];
        this.chunks = chunks;
    }

    /** {@code document}, already whole in memory, as its chunks. */
    public static void send(byte[] document, String contentType, int chunkSize, Consumer<HttpBody> chunks) {
        try (HttpBodyChunks out = new HttpBodyChunks(contentType, chunkSize, chunks)) {
            out.write(document);
        }
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes) {
        write(bytes, 0, bytes.length);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (closed) {
            throw new IllegalStateException("the download was sent already");
        }
        Objects.checkFromIndexSize(offset, length, bytes.length);
        int from = offset;
        int left = length;
        while (left > 0) {
            int taken = Math.min(left, chunk.length - filled);
            System.arraycopy(bytes, from, chunk, filled, taken);
            filled += taken;
            from += taken;
            left -= taken;
            if (filled == chunk.length) {
                sendChunk();
            }
        }
    }

    /** Sends what is left, if anything (or the first, empty, chunk of an empty file); once. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (filled > 0 || sent == 0) {
                sendChunk();
            }
        }
    }

    /** How many chunks left so far. */
    public long chunksSent() {
        return sent;
    }

    private void sendChunk() {
        HttpBody.Builder body = HttpBody.newBuilder().setData(ByteString.copyFrom(chunk, 0, filled));
        if (sent == 0) {
            body.setContentType(contentType);
        }
        filled = 0;
        sent++;
        chunks.accept(body.build());
    }
}
