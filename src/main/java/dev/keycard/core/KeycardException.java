package dev.keycard.core;

/**
 * Root of every exception Keycard's core throws on purpose. Unchecked; subclasses carry what the web layer needs
 * to pick a status code, never a secret.
 */
public class KeycardException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KeycardException(String message) {
        super(message);
    }

    public KeycardException(String message, Throwable cause) {
        super(message, cause);
    }
}
