package fr.bilan.synthesis.synthesis;

import java.util.function.Consumer;

import com.google.api.HttpBody;
import com.google.protobuf.ByteString;

/** A document as the chunks of a streamed download: the first names the content type, none is larger than asked. */
final class DocumentChunks {

    private DocumentChunks() {
    }

    static void send(byte[] document, String contentType, int chunkSize, Consumer<HttpBody> chunks) {
        for (int offset = 0; offset == 0 || offset < document.length; offset += chunkSize) {
            HttpBody.Builder body = HttpBody.newBuilder()
                    .setData(ByteString.copyFrom(document, offset, Math.min(chunkSize, document.length - offset)));
            if (offset == 0) {
                body.setContentType(contentType);
            }
            chunks.accept(body.build());
        }
    }
}
