package io.p2pviewer.app.ui.guide;

import static io.p2pviewer.app.ui.guide.GuideTestData.guide;
import static io.p2pviewer.app.ui.guide.GuideTestData.programme;
import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.channels.ReadError;
import io.p2pviewer.app.channels.ReadException;
import io.p2pviewer.app.channels.guide.Guide;
import io.p2pviewer.app.channels.guide.XmltvReader;
import io.p2pviewer.app.ui.UiThread;
import io.p2pviewer.engine.time.VirtualTimeScheduler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** {@link GuideService} in virtual time with a scripted loader: sources, merging, refresh, failures. */
class GuideServiceTest {
    private static final Instant T0 = Instant.parse("2026-12-05T12:00:00Z");
    private static final Guide ONE = guide(programme("a", "20261205110000 +0000", "20261205130000 +0000", "Old A"));
    private static final Guide TWO = guide(programme("a", "20261205110000 +0000", "20261205130000 +0000", "New A"));
    private static final Guide B = guide(programme("b", "20261205110000 +0000", "20261205130000 +0000", "B show"));

    private final VirtualTimeScheduler scheduler = new VirtualTimeScheduler(T0);
    private final ScriptedLoader loader = new ScriptedLoader();
    private final GuideService service = new GuideService(loader, scheduler, UiThread.DIRECT);

    @Test
    void readsThePlaylistsGuidesAndTheSettingsGuidesIntoOne() {
        loader.answer("http://epg.example/a.xml", ONE);
        loader.answer("/home/u/b.xml", B);
        service.setSources(List.of("http://epg.example/a.xml"), List.of("/home/u/b.xml", "http://epg.example/a.xml"),
                12);
        scheduler.runUntilIdle();

        assertThat(loader.calls).containsExactly("http://epg.example/a.xml", "/home/u/b.xml");
        assertThat(title("a")).isEqualTo("Old A");
        assertThat(title("b")).isEqualTo("B show");
        assertThat(service.status().get().loading()).isFalse();
        assertThat(service.status().get().message()).isEqualTo("Guide: 2 programmes on 2 channels, read at 12:00");
        assertThat(service.status().get().error()).isEmpty();
    }

    @Test
    void refreshesEveryGuideRefreshHours() {
        loader.answer("g", ONE, TWO);
        service.setSources(List.of("g"), List.of(), 6);
        scheduler.runUntilIdle();
        assertThat(title("a")).isEqualTo("Old A");

        scheduler.advance(Duration.ofHours(6).minusSeconds(1));
        assertThat(loader.calls).hasSize(1);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(loader.calls).hasSize(2);
        assertThat(title("a")).isEqualTo("New A");
        assertThat(service.status().get().message()).endsWith("read at 18:00");
    }

    @Test
    void aFailedRefreshKeepsThePreviousGuideSaysWhyAndRetriesSooner() {
        loader.answer("http://epg.example/g.xml", ONE);
        loader.fail("http://epg.example/g.xml", new ReadException(new ReadError.Unreadable("guide",
                "cannot connect to epg.example:80 (Connection refused)")));
        loader.answer("http://epg.example/g.xml", TWO);
        service.setSources(List.of("http://epg.example/g.xml"), List.of(), 12);
        scheduler.runUntilIdle();
        Guide first = service.guide().get();

        scheduler.advance(Duration.ofHours(12));
        assertThat(service.guide().get()).isSameAs(first);
        assertThat(service.status().get().error()).isEqualTo("Guide not updated, kept the previous one: cannot read"
                + " guide: cannot connect to epg.example:80 (Connection refused)");

        scheduler.advance(GuideService.RETRY_AFTER_FAILURE);
        assertThat(loader.calls).hasSize(3);
        assertThat(title("a")).isEqualTo("New A");
        assertThat(service.status().get().error()).isEmpty();
    }

    @Test
    void aTruncatedGzipOnRefreshKeepsThePreviousGuide() throws Exception {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<tv>\n");
        for (int i = 0; i < 2000; i++) {
            xml.append(programme("a", "20261205110000 +0000", "20261205130000 +0000", "Cut A " + i * 7919));
        }
        byte[] gz = gzip(xml.append("</tv>\n").toString().getBytes(StandardCharsets.UTF_8));
        Guide truncated = XmltvReader.read(new ByteArrayInputStream(Arrays.copyOf(gz, gz.length * 2 / 3)));
        assertThat(XmltvReader.brokeOff(truncated)).isTrue();
        loader.answer("g", ONE, truncated);
        service.setSources(List.of("g"), List.of(), 12);
        scheduler.runUntilIdle();
        scheduler.advance(Duration.ofHours(12));

        assertThat(title("a")).isEqualTo("Old A");
        assertThat(service.status().get().error()).startsWith("Guide not updated, kept the previous one: cannot read"
                + " guide: reading stopped: ");
    }

    @Test
    void aFirstReadThatFailsLeavesNoGuideAndOneLineWhy() {
        loader.fail("g", new ReadException(new ReadError.Html("guide", 1)));
        service.setSources(List.of("g"), List.of(), 12);
        scheduler.runUntilIdle();

        assertThat(service.guide().get().store().channelCount()).isZero();
        assertThat(service.status().get().message()).isEqualTo("No guide");
        assertThat(service.status().get().error()).isEqualTo("guide is an HTML page, not a XMLTV guide (line 1)");
    }

    @Test
    void progressIsReportedWhileLoading() {
        List<GuideStatus> seen = new ArrayList<>();
        service.status().addListener((o, a, b) -> seen.add(b));
        loader.answer("http://epg.example/g.xml?token=secret", ONE);
        service.setSources(List.of("http://epg.example/g.xml?token=secret"), List.of(), 12);
        scheduler.runUntilIdle();

        assertThat(seen.getFirst()).isEqualTo(new GuideStatus(true,
                "Loading guide: http://epg.example/g.xml?token=***", ""));
        assertThat(seen).anyMatch(s -> s.message().endsWith("(3.0 MB)"));
        assertThat(seen.getLast().loading()).isFalse();
    }

    @Test
    void newSourcesReplaceTheOldAndNoneEmptiesTheGuide() {
        loader.answer("g", ONE);
        loader.answer("h", B);
        service.setSources(List.of("g"), List.of(), 12);
        scheduler.runUntilIdle();
        service.setSources(List.of("h"), List.of(), 12);
        scheduler.runUntilIdle();
        assertThat(title("a")).isNull();
        assertThat(title("b")).isEqualTo("B show");

        service.setSources(List.of(), List.of(), 12);
        scheduler.runUntilIdle();
        assertThat(service.guide().get().store().channelCount()).isZero();
        assertThat(scheduler.pendingTasks()).as("no refresh without sources").isZero();
    }

    private String title(String channel) {
        var store = service.guide().get().store();
        return store.now(store.channel(channel, null, null), T0).map(p -> p.title()).orElse(null);
    }

    private static byte[] gzip(byte[] b) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(b);
        }
        return out.toByteArray();
    }

    /** Answers each source with the next scripted guide or failure; records the calls. */
    private static final class ScriptedLoader implements GuideLoader {
        final List<String> calls = new ArrayList<>();
        final Map<String, Deque<Object>> script = new HashMap<>();

        void answer(String source, Guide... guides) {
            for (Guide g : guides) {
                script.computeIfAbsent(source, k -> new ArrayDeque<>()).add(g);
            }
        }

        void fail(String source, ReadException e) {
            script.computeIfAbsent(source, k -> new ArrayDeque<>()).add(e);
        }

        @Override
        public Guide load(String source, LongConsumer bytesRead) throws ReadException {
            calls.add(source);
            bytesRead.accept(3_000_000);
            Deque<Object> q = script.get(source);
            Object next = q.size() > 1 ? q.poll() : q.peek();
            if (next instanceof ReadException e) {
                throw e;
            }
            return (Guide) next;
        }
    }
}
