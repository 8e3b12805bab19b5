package dev.keycard.core.config;

import dev.keycard.core.KeycardException;

/** A configuration problem found at start; the message names the offending key and never contains a secret. */
public final class ConfigException extends KeycardException {
    private static final long serialVersionUID = 1L;
    private final String key;

    public ConfigException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
    }

    /** The setting that is wrong, e.g. {@code keycard.access.ttl} or {@code ACCESS_SECRET}. */
    public String getKey() {
        return key;
    }
}
