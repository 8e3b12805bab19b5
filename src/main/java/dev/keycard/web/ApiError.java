package dev.keycard.web;

/** The error codes of Keycard's HTTP contract, each with its status. */
public enum ApiError {
    INVALID_REQUEST("invalid_request", 400),
    INVALID_CREDENTIALS("invalid_credentials", 401),
    INVALID_TOKEN("invalid_token", 401),
    FORBIDDEN_ORIGIN("forbidden_origin", 403),
    NOT_FOUND("not_found", 404),
    METHOD_NOT_ALLOWED("method_not_allowed", 405),
    PAYLOAD_TOO_LARGE("payload_too_large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", 415),
    TOO_MANY_REQUESTS("too_many_requests", 429),
    SERVER_ERROR("server_error", 500),
    TEMPORARILY_UNAVAILABLE("temporarily_unavailable", 503);

    private final String code;
    private final int status;

    ApiError(String code, int status) {
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** The code for a status the container chose (unknown path, wrong method, uncaught error ...). */
    public static ApiError forStatus(int status) {
        for (ApiError e : values()) {
            if (e.status == status && e != INVALID_CREDENTIALS) {
                return e;
            }
        }
        return status >= 500 ? SERVER_ERROR : INVALID_REQUEST;
    }
}
