package dev.keycard.core.session;

import dev.keycard.core.KeycardException;

/** The session store could not be reached: the request cannot be decided, which is not the same as refused. */
public final class StoreUnavailableException extends KeycardException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
