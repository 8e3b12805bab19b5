package dev.keycard.core.token;

import dev.keycard.core.KeycardException;

/**
 * A token that must not be honoured: malformed, badly signed, of the wrong kind, expired or not yet valid. The
 * message is safe to show a client (it never contains the token or a claim value).
 */
public final class InvalidTokenException extends KeycardException {
    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String message) {
        super(message);
    }

    public InvalidTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
