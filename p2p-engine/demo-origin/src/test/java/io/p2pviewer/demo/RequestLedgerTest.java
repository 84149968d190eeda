package io.p2pviewer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestLedgerTest {

    private static ServedRequest request(RequestKind kind, long bodyBytes) {
        return new ServedRequest(Instant.EPOCH, "GET", "/p", "", "", kind, null, -1, 200, bodyBytes, "127.0.0.1");
    }

    @Test
    void countsOnlySegmentBodies() {
        RequestLedger ledger = new RequestLedger();

        ledger.record(request(RequestKind.SEGMENT, 1000));
        ledger.record(request(RequestKind.MEDIA_PLAYLIST, 300));
        ledger.record(request(RequestKind.SEGMENT, 24));

        assertThat(ledger.segmentBytesServed()).isEqualTo(1024);
        assertThat(ledger.requests()).extracting(ServedRequest::bodyBytes).containsExactly(1000L, 300L, 24L);
    }

    @Test
    void logKeepsTheNewestEntriesButTheCounterKeepsEverything() {
        RequestLedger ledger = new RequestLedger();

        for (int i = 0; i < RequestLedger.MAX_ENTRIES + 5; i++) {
            ledger.record(request(RequestKind.SEGMENT, i == 0 ? 7 : 1));
        }

        assertThat(ledger.requests()).hasSize(RequestLedger.MAX_ENTRIES);
        assertThat(ledger.requests().get(0).bodyBytes()).isEqualTo(1);
        assertThat(ledger.segmentBytesServed()).isEqualTo(7 + RequestLedger.MAX_ENTRIES + 4);
    }
}
