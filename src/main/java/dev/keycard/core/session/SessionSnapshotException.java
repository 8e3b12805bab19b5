package dev.keycard.core.session;

import dev.keycard.core.KeycardException;

/** The session snapshot could not be read, deleted or written; the message names the file, never its content. */
public final class SessionSnapshotException extends KeycardException {
    private static final long serialVersionUID = 1L;

    public SessionSnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
