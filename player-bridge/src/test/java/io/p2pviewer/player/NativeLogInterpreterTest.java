package io.p2pviewer.player;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.co.caprica.vlcj.log.LogLevel;

/** Fed with the lines libVLC 3.0.24 logged on this machine (see the class Javadoc of the subject). */
class NativeLogInterpreterTest {

    private static final String KEY_URI = "http://127.0.0.1:38953/key?token=wrong";

    private final NativeLogInterpreter interpreter = new NativeLogInterpreter();

    @Test
    void aKeyAnsweredWith403IsRefused() {
        feed(LogLevel.DEBUG, "adaptive", "Retrieving AES key " + KEY_URI);
        feed(LogLevel.DEBUG, "adaptive", "Retrieving " + KEY_URI);
        feed(LogLevel.DEBUG, "http", "resolving 127.0.0.1 ...");
        feed(LogLevel.DEBUG, "http", request("/key?token=wrong"));

        Optional<NativeLogInterpreter.Finding> finding = feed(LogLevel.DEBUG, "http", response("403 Forbidden"));

        assertThat(finding).contains(new NativeLogInterpreter.Finding.KeyRefused(KEY_URI, 403));
        assertThat(feed(LogLevel.DEBUG, "http", "connection failed")).isEmpty();
    }

    @Test
    void aKeyAnsweredWith200IsFine() {
        feed(LogLevel.DEBUG, "adaptive", "Retrieving AES key " + KEY_URI);
        feed(LogLevel.DEBUG, "http", request("/key?token=wrong"));

        assertThat(feed(LogLevel.DEBUG, "http", response("200 OK"))).isEmpty();
        assertThat(feed(LogLevel.DEBUG, "http", request("/seg/0.ts"))).isEmpty();
        assertThat(feed(LogLevel.DEBUG, "http", response("404 Not Found"))).isEmpty();
    }

    @Test
    void aKeyServerThatCannotBeReachedIsReported() {
        feed(LogLevel.DEBUG, "adaptive", "Retrieving AES key http://127.0.0.1:1/key");
        feed(LogLevel.DEBUG, "http", request("/key"));

        assertThat(feed(LogLevel.DEBUG, "http", "connection failed"))
                .contains(new NativeLogInterpreter.Finding.KeyUnreachable("http://127.0.0.1:1/key"));
    }

    @Test
    void aSegmentRefusedWithoutAKeyFetchIsNotAKeyProblem() {
        feed(LogLevel.DEBUG, "http", request("/seg/0.ts"));

        assertThat(feed(LogLevel.DEBUG, "http", response("403 Forbidden"))).isEmpty();
    }

    @Test
    void anotherRequestBetweenKeyRequestAndResponseMakesTheResponseAmbiguous() {
        feed(LogLevel.DEBUG, "adaptive", "Retrieving AES key " + KEY_URI);
        feed(LogLevel.DEBUG, "http", request("/key?token=wrong"));
        feed(LogLevel.DEBUG, "http", request("/seg/3.ts"));

        assertThat(feed(LogLevel.DEBUG, "http", response("403 Forbidden"))).isEmpty();
    }

    @Test
    void aTruncatedRequestLineStillMatchesALongKeyUri() {
        String token = "x".repeat(300);
        String uri = "http://127.0.0.1:38953/key?token=" + token;
        feed(LogLevel.DEBUG, "adaptive", ("Retrieving AES key " + uri).substring(0, 200));
        feed(LogLevel.DEBUG, "http", request("/key?token=" + token).substring(0, 200));

        assertThat(feed(LogLevel.DEBUG, "http", response("401 Unauthorized")))
                .hasValueSatisfying(f -> assertThat(f).isInstanceOf(NativeLogInterpreter.Finding.KeyRefused.class));
    }

    @Test
    void anUnopenableMrlIsReportedAndItsCausesKept() {
        feed(LogLevel.ERROR, "http", "cannot connect to 127.0.0.1:1");
        feed(LogLevel.ERROR, "main", "connection failed: Connection refused");
        feed(LogLevel.ERROR, "access", "HTTP connection failure");
        feed(LogLevel.ERROR, "http", "cannot connect to 127.0.0.1:1");

        assertThat(feed(LogLevel.ERROR, "main", "VLC is unable to open the MRL 'http://127.0.0.1:1/x.m3u8'."
                + " Check the log for details.")).contains(new NativeLogInterpreter.Finding.OpenFailed());
        assertThat(interpreter.causes()).containsExactly(
                "connection failed: Connection refused", "HTTP connection failure", "cannot connect to 127.0.0.1:1");
    }

    @Test
    void hardwareDecoderProbingNoiseIsNotACause() {
        feed(LogLevel.ERROR, "chain", "Too high level of recursion (3)");
        feed(LogLevel.ERROR, "main", "Failed to create video converter");
        feed(LogLevel.ERROR, "main", "Failed to adapt decoder format to display");
        feed(LogLevel.ERROR, "adaptive", "Failed to create demuxer (nil) Unknown");

        assertThat(interpreter.causes()).containsExactly("Failed to create demuxer (nil) Unknown");
    }

    @Test
    void resetForgetsAPendingKeyFetchAndTheCauses() {
        feed(LogLevel.DEBUG, "adaptive", "Retrieving AES key " + KEY_URI);
        feed(LogLevel.DEBUG, "http", request("/key?token=wrong"));
        feed(LogLevel.ERROR, "adaptive", "Failed to create demuxer (nil) Unknown");

        interpreter.reset();

        assertThat(feed(LogLevel.DEBUG, "http", response("403 Forbidden"))).isEmpty();
        assertThat(interpreter.causes()).isEmpty();
    }

    @Test
    void onlyTheLinesItReadsAreRelevant() {
        assertThat(NativeLogInterpreter.isRelevant(LogLevel.ERROR, "main", "anything")).isTrue();
        assertThat(NativeLogInterpreter.isRelevant(LogLevel.DEBUG, "adaptive", "Retrieving AES key http://x/k")).isTrue();
        assertThat(NativeLogInterpreter.isRelevant(LogLevel.DEBUG, "http", request("/k"))).isTrue();
        assertThat(NativeLogInterpreter.isRelevant(LogLevel.DEBUG, "http", response("200 OK"))).isTrue();
        assertThat(NativeLogInterpreter.isRelevant(LogLevel.DEBUG, "http", "connection failed")).isTrue();

        assertThat(NativeLogInterpreter.isRelevant(LogLevel.DEBUG, "adaptive", "Retrieving http://x/seg")).isFalse();
        assertThat(NativeLogInterpreter.isRelevant(LogLevel.DEBUG, "ts", "PATCallBack called")).isFalse();
        assertThat(NativeLogInterpreter.isRelevant(LogLevel.WARNING, "faad", "decoded zero sample")).isFalse();
        assertThat(NativeLogInterpreter.isRelevant(LogLevel.DEBUG, null, "outgoing request:")).isFalse();
    }

    @Test
    void requestTargetIsPathAndQuery() {
        assertThat(NativeLogInterpreter.requestTarget("http://h:1/a/b?c=d#frag")).isEqualTo("/a/b?c=d");
        assertThat(NativeLogInterpreter.requestTarget("https://h")).isEqualTo("/");
    }

    private Optional<NativeLogInterpreter.Finding> feed(LogLevel level, String module, String message) {
        return interpreter.accept(new NativeLogLine(Instant.EPOCH, level, module, message));
    }

    private static String request(String target) {
        return "outgoing request:\nGET " + target + " HTTP/1.1\nHost: 127.0.0.1:38953\nAccept: */*\n"
                + "Accept-Language: en_US\nUser-Agent: VLC/3.0.24 LibVLC/3.0.24\nAccept-Encoding: deflate, gzip\n"
                + "Cache-Control: no-cache\n\n";
    }

    private static String response(String status) {
        return "incoming response:\nHTTP/1.1 " + status + "\nDate: Sat, 21 Nov 2026 22:31:52 GMT\nContent-length: 9\n\n";
    }
}
