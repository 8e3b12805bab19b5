package dev.keycard.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keycard.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionSnapshotTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);

    private SessionSnapshot snapshot(Path folder) {
        return new SessionSnapshot(folder, new ObjectMapper(), clock);
    }

    private static SessionRecord rotated() {
        SessionRecord r = SessionRecord.start("s-1", "u-1", "jti-0", T0, T0.plus(Duration.ofDays(7)), "Browser/1");
        return r.rotate("jti-0", new Rotation("jti-1", T0.plusSeconds(60), T0.plus(Duration.ofDays(7)).plusSeconds(60),
                T0.plusSeconds(60)), Duration.ofSeconds(10)).record();
    }

    private static SessionRecord revoked() {
        return SessionRecord.start("s-2", "u-1", "jti-9", T0, T0.plus(Duration.ofDays(7)), "").revoke();
    }

    @Test
    void consumeWhenWrittenOnShutdownThenSameRecordsIncludingRevokedOnesAndFileIsGone() {
        SessionSnapshot s = snapshot(dir);
        assertEquals(2, s.write(List.of(rotated(), revoked())));
        assertTrue(Files.exists(s.file()));

        List<SessionRecord> loaded = snapshot(dir).consume();

        assertEquals(List.of(rotated(), revoked()), loaded);
        assertFalse(Files.exists(s.file()), "the snapshot is consumed on load");
        assertEquals(List.of(), snapshot(dir).consume(), "a second start (e.g. after a crash) restores nothing");
    }

    @Test
    void writeWhenDoneThenOwnerOnlyFileNoTemporaryFileAndFolderCreated() throws IOException {
        Path folder = dir.resolve("data/keycard");
        SessionSnapshot s = snapshot(folder);
        s.write(List.of(rotated()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(s.file())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(s.file()), files.toList());
        }
    }

    @Test
    void writeWhenSnapshotExistsThenReplacedWhole() {
        SessionSnapshot s = snapshot(dir);
        s.write(List.of(rotated(), revoked()));
        s.write(List.of(revoked()));
        assertEquals(List.of(revoked()), snapshot(dir).consume());
    }

    @Test
    void consumeWhenRecordsExpiredMeanwhileThenDropped() {
        snapshot(dir).write(List.of(rotated(), revoked()));
        clock.advance(Duration.ofDays(7).plusSeconds(30));
        assertEquals(List.of(rotated()), snapshot(dir).consume(), "only the rotated one is still unexpired");
    }

    @Test
    void consumeWhenFileUnreadableThenNoSessionsAndFileDeleted() throws IOException {
        Files.writeString(dir.resolve(SessionSnapshot.FILE_NAME), "{\"version\":1,\"sessions\":[{\"sessionId\":");
        assertEquals(List.of(), snapshot(dir).consume());
        assertFalse(Files.exists(dir.resolve(SessionSnapshot.FILE_NAME)));

        Files.writeString(dir.resolve(SessionSnapshot.FILE_NAME), "{\"version\":2,\"writtenAt\":\"x\",\"sessions\":[]}");
        assertEquals(List.of(), snapshot(dir).consume());
        assertFalse(Files.exists(dir.resolve(SessionSnapshot.FILE_NAME)));
    }

    @Test
    void consumeWhenACrashLeftAHalfWrittenTemporaryFileThenItIsIgnoredAndDeleted() throws IOException {
        snapshot(dir).write(List.of(revoked()));
        Path leftover = dir.resolve("sessions-123.tmp");
        Files.writeString(leftover, "{\"version\":1,\"sessions\":[");
        assertEquals(List.of(revoked()), snapshot(dir).consume());
        assertFalse(Files.exists(leftover));
    }

    @Test
    void consumeWhenNoFolderThenNothing() {
        assertEquals(List.of(), snapshot(dir.resolve("missing")).consume());
    }

    @Test
    void writeThenFileHoldsIdsOnly() throws IOException {
        SessionSnapshot s = snapshot(dir);
        s.write(List.of(rotated()));
        String json = Files.readString(s.file());
        assertTrue(json.contains("\"currentJti\":\"jti-1\"") && json.contains("\"previousJti\":\"jti-0\""), json);
        assertFalse(json.contains("eyJ"), "no JWT in the snapshot");
    }
}
