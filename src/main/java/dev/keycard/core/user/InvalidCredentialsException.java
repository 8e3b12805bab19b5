package dev.keycard.core.user;

import dev.keycard.core.KeycardException;

/** Email and password do not name an enabled account. Deliberately says nothing about which part was wrong. */
public final class InvalidCredentialsException extends KeycardException {
    private static final long serialVersionUID = 1L;

    public InvalidCredentialsException() {
        super("Invalid email or password");
    }
}
