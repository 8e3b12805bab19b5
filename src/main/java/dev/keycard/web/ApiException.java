package dev.keycard.web;

/** A request the web layer refuses before it reaches the core; carries the contract's error code. */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ApiError error;

    public ApiException(ApiError error, String description) {
        super(description, null, false, false);
        this.error = error;
    }

    public ApiError error() {
        return error;
    }
}
