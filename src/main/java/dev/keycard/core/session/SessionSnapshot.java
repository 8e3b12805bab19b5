package dev.keycard.core.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Carries the in-memory store's session records across a graceful restart: {@link #write} saves them on shutdown
 * to {@code sessions.json} in a data folder (a temporary file moved into place atomically, owner-only permissions),
 * and {@link #consume} reads them on start and deletes the file before returning. Because the snapshot is consumed,
 * a crash can never bring back state older than what was live: sessions may be lost, but nothing revoked or spent
 * becomes valid again. The file holds session and token ids, never tokens; still treat it as sensitive.
 * Not thread-safe: call once on start and once on shutdown.
 */
public final class SessionSnapshot {
    /** Name of the snapshot file in the data folder. */
    public static final String FILE_NAME = "sessions.json";

    private static final Logger LOG = Logger.getLogger(SessionSnapshot.class.getName());
    private static final int VERSION = 1;
    private static final String TEMP_PREFIX = "sessions-";
    private static final String TEMP_SUFFIX = ".tmp";

    private final Path dir;
    private final ObjectMapper mapper;
    private final Clock clock;

    public SessionSnapshot(Path dir, ObjectMapper mapper, Clock clock) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The snapshot file. */
    public Path file() {
        return dir.resolve(FILE_NAME);
    }

    /**
     * Reads the records saved by the last graceful shutdown that have not expired, and deletes the snapshot (and
     * any temporary file a crash left behind) before returning. No snapshot gives an empty list; an unreadable one
     * is deleted with a warning, since starting without sessions is safe.
     *
     * @throws SessionSnapshotException when the snapshot cannot be read or deleted: starting anyway could let a
     *     later crash bring back stale sessions
     */
    public List<SessionRecord> consume() {
        Path file = file();
        byte[] bytes;
        try {
            deleteLeftoverTempFiles();
            if (!Files.exists(file)) {
                return List.of();
            }
            bytes = Files.readAllBytes(file);
            Files.delete(file);
            syncDirectory();
        } catch (IOException e) {
            throw new SessionSnapshotException("Cannot consume the session snapshot " + file + ": " + e.getMessage(), e);
        }
        List<SessionRecord> records;
        try {
            Snapshot snapshot = mapper.readValue(bytes, Snapshot.class);
            if (snapshot.version() != VERSION) {
                throw new IOException("unknown version " + snapshot.version());
            }
            records = snapshot.sessions().stream().map(StoredSession::toRecord).toList();
        } catch (IOException | NullPointerException | DateTimeParseException e) {
            LOG.warning("Ignoring the unreadable session snapshot " + file + "; starting without saved sessions");
            return List.of();
        }
        Instant now = clock.instant();
        return records.stream().filter(r -> now.isBefore(r.expiresAt())).toList();
    }

    /**
     * Saves the records that have not expired: written to a temporary owner-only file, flushed to disk, then moved
     * over {@code sessions.json} atomically, so a crash while writing leaves no half-written snapshot.
     *
     * @throws SessionSnapshotException when the snapshot cannot be written
     */
    public int write(Collection<SessionRecord> records) {
        Instant now = clock.instant();
        List<StoredSession> live = records.stream().filter(r -> now.isBefore(r.expiresAt()))
                .map(StoredSession::of).toList();
        Path temp = null;
        try {
            byte[] json = mapper.writeValueAsBytes(new Snapshot(VERSION, now.toString(), live));
            createDirectory();
            temp = Files.createTempFile(dir, TEMP_PREFIX, TEMP_SUFFIX, ownerOnly("rw-------"));
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(json);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            Files.move(temp, file(), StandardCopyOption.ATOMIC_MOVE);
            syncDirectory();
            return live.size();
        } catch (JsonProcessingException e) {
            throw new SessionSnapshotException("Cannot encode the session snapshot", e);
        } catch (AtomicMoveNotSupportedException e) {
            throw new SessionSnapshotException("The session data folder " + dir + " does not support atomic moves", e);
        } catch (IOException e) {
            throw new SessionSnapshotException("Cannot write the session snapshot " + file() + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private void createDirectory() throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, ownerOnly("rwx------"));
        }
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        boolean posix = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
                : new FileAttribute<?>[0];
    }

    /** Makes a rename or delete durable; some file systems cannot open a folder, which is fine to skip. */
    private void syncDirectory() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            LOG.log(Level.FINE, "Cannot sync the session data folder {0}", dir);
        }
    }

    private void deleteLeftoverTempFiles() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot delete the temporary file {0}", temp);
        }
    }

    /** The file format; times are ISO-8601 instants. */
    record Snapshot(int version, String writtenAt, List<StoredSession> sessions) {
    }

    /** One session record as stored: ids and times only, never a token. */
    record StoredSession(String sessionId, String userId, String currentJti, String currentIssuedAt,
                         String expiresAt, String previousJti, String rotatedAt, String createdAt,
                         String lastUsedAt, String userAgent, boolean revoked) {
        static StoredSession of(SessionRecord r) {
            return new StoredSession(r.sessionId(), r.userId(), r.currentJti(), r.currentIssuedAt().toString(),
                    r.expiresAt().toString(), r.previousJti(), r.rotatedAt() == null ? null : r.rotatedAt().toString(),
                    r.createdAt().toString(), r.lastUsedAt().toString(), r.userAgent(), r.revoked());
        }

        SessionRecord toRecord() {
            return new SessionRecord(sessionId, userId, currentJti, Instant.parse(currentIssuedAt),
                    Instant.parse(expiresAt), previousJti, rotatedAt == null ? null : Instant.parse(rotatedAt),
                    Instant.parse(createdAt), Instant.parse(lastUsedAt), userAgent, revoked);
        }
    }
}
