package io.p2pviewer.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The origin's hash list as {@link SegmentHashes#parse} reads it with the streaming parser. */
class SegmentHashesParseTest {
    @Test
    void readsAnObjectOfFileNamesToHashes() throws IOException {
        assertThat(SegmentHashes.parse("{\"seg-1.ts\": \"ab01\", \"seg-2.ts\": \"cd02\"}\n"))
                .isEqualTo(Map.of("seg-1.ts", "ab01", "seg-2.ts", "cd02"));
        assertThat(SegmentHashes.parse("{}")).isEmpty();
    }

    @Test
    void aNumberIsReadAsItsText() throws IOException {
        assertThat(SegmentHashes.parse("{\"a.ts\": 12}")).isEqualTo(Map.of("a.ts", "12"));
    }

    @Test
    void anythingButAFlatObjectOfStringsIsRejectedNamingWhatWasFound() {
        assertThatThrownBy(() -> SegmentHashes.parse("[\"ab01\"]")).hasMessageContaining("found START_ARRAY");
        assertThatThrownBy(() -> SegmentHashes.parse("{\"a.ts\": {\"x\": 1}}"))
                .hasMessageContaining("a.ts").hasMessageContaining("START_OBJECT");
        assertThatThrownBy(() -> SegmentHashes.parse("{\"a.ts\": null}")).hasMessageContaining("VALUE_NULL");
        assertThatThrownBy(() -> SegmentHashes.parse("")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> SegmentHashes.parse("{} {}")).hasMessageContaining("text after");
    }

    @Test
    void aTruncatedListIsRejected() {
        assertThatThrownBy(() -> SegmentHashes.parse("{\"a.ts\": \"ab01\", \"b.ts\"")).isInstanceOf(IOException.class);
    }
}
