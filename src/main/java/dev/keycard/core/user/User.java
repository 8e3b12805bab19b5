package dev.keycard.core.user;

import java.util.List;
import java.util.Objects;

/**
 * An account Keycard can sign in. {@code passwordHash} is an encoded Argon2id or bcrypt hash; {@code toString()}
 * leaves it out.
 */
public record User(String id, String email, String passwordHash, List<String> roles, boolean disabled) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        roles = List.copyOf(roles);
    }

    @Override
    public String toString() {
        return "User[id=" + id + ", email=" + email + ", roles=" + roles + ", disabled=" + disabled + "]";
    }
}
