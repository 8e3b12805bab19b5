package dev.keycard.core.session;

import dev.keycard.core.KeycardException;

/** A refresh that must not succeed: unknown, expired or revoked session, or a reused token (theft). */
public final class SessionRejectedException extends KeycardException {
    private static final long serialVersionUID = 1L;
    private final Rotation.Outcome outcome;

    public SessionRejectedException(Rotation.Outcome outcome, String message) {
        super(message);
        this.outcome = outcome;
    }

    public Rotation.Outcome getOutcome() {
        return outcome;
    }
}
