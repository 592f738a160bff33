package fr.bilan.support.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.google.api.HttpBody;

class HttpBodyChunksTest {

    private final List<HttpBody> sent = new ArrayList<>();

    @Test
    void sendsADocumentInFullChunksTheFirstNamingItsType() {
        byte[] document = bytes(2 * 10 + 3);

        HttpBodyChunks.send(document, "application/pdf", 10, sent::add);

        assertThat(sent).extracting(body -> body.getData().size()).containsExactly(10, 10, 3);
        assertThat(sent).extracting(HttpBody::getContentType).containsExactly("application/pdf", "", "");
        assertThat(joined()).isEqualTo(document);
    }

    @Test
    void anExactMultipleEndsWithAFullChunkAndAnEmptyDocumentStillNamesItsType() {
        HttpBodyChunks.send(bytes(20), "application/pdf", 10, sent::add);
        assertThat(sent).extracting(body -> body.getData().size()).containsExactly(10, 10);

        sent.clear();
        HttpBodyChunks.send(new byte[0], "application/pdf", 10, sent::add);
        assertThat(sent).singleElement().satisfies(body -> {
            assertThat(body.getContentType()).isEqualTo("application/pdf");
            assertThat(body.getData().isEmpty()).isTrue();
        });
    }

    @Test
    void textWrittenThroughAWriterLeavesAsEachChunkFillsNotAtTheEnd() throws Exception {
        HttpBodyChunks chunks = new HttpBodyChunks("application/x-ndjson", 64, sent::add);
        Writer out = new OutputStreamWriter(chunks, StandardCharsets.UTF_8);
        StringBuilder written = new StringBuilder();
        for (int line = 0; line < 100; line++) {
            String text = "{\"ligne\":" + line + ",\"texte\":\"détruit à l'échéance\"}\n";
            out.write(text);
            written.append(text);
        }
        out.flush();
        int beforeClose = sent.size();
        // flushing sends no short chunk: every chunk so far is full
        assertThat(sent).allSatisfy(body -> assertThat(body.getData().size()).isEqualTo(64));
        assertThat(beforeClose).isEqualTo(written.toString().getBytes(StandardCharsets.UTF_8).length / 64);

        out.close();

        assertThat(chunks.chunksSent()).isEqualTo(beforeClose + 1L).isEqualTo(sent.size());
        assertThat(new String(joined(), StandardCharsets.UTF_8)).isEqualTo(written.toString());
        assertThat(sent.get(0).getContentType()).isEqualTo("application/x-ndjson");
        assertThat(sent.subList(1, sent.size())).allSatisfy(body -> assertThat(body.getContentType()).isEmpty());
    }

    @Test
    void closingTwiceSendsOnceAndWritingAfterIsRefused() {
        HttpBodyChunks chunks = new HttpBodyChunks("text/plain", 8, sent::add);
        chunks.write(new byte[] {1, 2, 3});
        chunks.close();
        chunks.close();

        assertThat(sent).hasSize(1);
        assertThatThrownBy(() -> chunks.write(4)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new HttpBodyChunks("text/plain", 0, sent::add))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private byte[] joined() {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        sent.forEach(body -> whole.writeBytes(body.getData().toByteArray()));
        return whole.toByteArray();
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        return bytes;
    }
}
