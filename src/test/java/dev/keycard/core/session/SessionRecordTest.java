package dev.keycard.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rotation rules, as a pure function of a record, a presented token id and the time. */
class SessionRecordTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final Duration TTL = Duration.ofDays(7);

    private final SessionRecord start = SessionRecord.start("s1", "u1", "j0", T0, T0.plus(TTL), "ua");

    private static Rotation at(String jti, Instant now) {
        return new Rotation(jti, now, now.plus(TTL), now);
    }

    @Test
    void rotateWhenCurrentThenSuccessorBecomesCurrentAndPresentedBecomesPrevious() {
        Rotation.Result r = start.rotate("j0", at("j1", T0.plusSeconds(60)), GRACE);
        assertEquals(Rotation.Outcome.ROTATED, r.outcome());
        assertEquals("j1", r.record().currentJti());
        assertEquals("j0", r.record().previousJti());
        assertEquals(T0.plusSeconds(60), r.record().rotatedAt());
        assertEquals(T0.plusSeconds(60).plus(TTL), r.record().expiresAt());
        assertEquals(T0, r.record().createdAt());
    }

    @Test
    void rotateWhenPreviousWithinGraceThenRecordUnchanged() {
        SessionRecord rotated = start.rotate("j0", at("j1", T0), GRACE).record();
        Rotation.Result r = rotated.rotate("j0", at("j2", T0.plusSeconds(9)), GRACE);
        assertEquals(Rotation.Outcome.REISSUED, r.outcome());
        assertSame(rotated, r.record());
    }

    @Test
    void rotateWhenPreviousAtOrAfterGraceThenRevoked() {
        SessionRecord rotated = start.rotate("j0", at("j1", T0), GRACE).record();
        Rotation.Result r = rotated.rotate("j0", at("j2", T0.plusSeconds(10)), GRACE);
        assertEquals(Rotation.Outcome.REUSE_DETECTED, r.outcome());
        assertTrue(r.record().revoked());
    }

    @Test
    void rotateWhenGraceDisabledThenAnyReuseIsTheft() {
        SessionRecord rotated = start.rotate("j0", at("j1", T0), Duration.ZERO).record();
        assertEquals(Rotation.Outcome.REUSE_DETECTED, rotated.rotate("j0", at("j2", T0), Duration.ZERO).outcome());
    }

    @Test
    void rotateWhenUnknownJtiThenRevoked() {
        Rotation.Result r = start.rotate("forged", at("j1", T0), GRACE);
        assertEquals(Rotation.Outcome.REUSE_DETECTED, r.outcome());
        assertTrue(r.record().revoked());
    }

    @Test
    void rotateWhenRevokedThenStaysRevokedEvenWithCurrentJti() {
        Rotation.Result r = start.revoke().rotate("j0", at("j1", T0), GRACE);
        assertEquals(Rotation.Outcome.REVOKED, r.outcome());
        assertTrue(r.record().revoked());
        assertEquals("j0", r.record().currentJti());
    }

    @Test
    void rotateWhenExpiredThenUnknown() {
        Rotation.Result r = start.rotate("j0", at("j1", T0.plus(TTL)), GRACE);
        assertEquals(Rotation.Outcome.UNKNOWN, r.outcome());
        assertNull(r.record());
    }

    @Test
    void rotateWhenProposedSuccessorAlreadyExpiredThenUnknown() {
        Rotation.Result r = start.rotate("j0", new Rotation("j1", T0.plusSeconds(5), T0.plusSeconds(5),
                T0.plusSeconds(5)), GRACE);
        assertEquals(Rotation.Outcome.UNKNOWN, r.outcome());
    }
}
