package dev.keycard.core.user;

import java.util.Objects;
import java.util.Optional;

/**
 * Checks an email and password. Every attempt costs one password hash check, whether the email is known, unknown
 * or disabled (an unknown email is checked against a dummy hash made at start with the configured cost), so
 * neither the answer nor its timing tells which accounts exist. Thread-safe.
 */
public final class Authenticator {
    private final UserStore users;
    private final PasswordHasher hasher;
    private final String dummyHash;

    public Authenticator(UserStore users, PasswordHasher hasher) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.dummyHash = hasher.hash("keycard-dummy-password-" + System.nanoTime());
    }

    /** The enabled account these credentials name, or {@link InvalidCredentialsException}. */
    public User authenticate(String email, String password) {
        Optional<User> user = users.findByEmail(email);
        boolean matches = hasher.matches(password, user.map(User::passwordHash).orElse(dummyHash));
        if (user.isEmpty() || !matches || user.get().disabled()) {
            throw new InvalidCredentialsException();
        }
        return user.get();
    }
}
