package dev.keycard.core.user;

import java.util.Locale;
import java.util.Optional;

/** Where accounts come from. Implementations are thread-safe. */
public interface UserStore {
    /** The account with this email, compared case-insensitively after trimming. */
    Optional<User> findByEmail(String email);

    Optional<User> findById(String id);

    /** The canonical form emails are compared in. */
    static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
