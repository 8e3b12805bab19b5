package dev.keycard.core.user;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keycard.core.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link UserStore} read once from a JSON file:
 * <pre>{"users": [{"id": "u1", "email": "a@b.c", "passwordHash": "$argon2id$...", "roles": ["user"], "disabled": false}]}</pre>
 * Ids and (normalized) emails must be unique and every hash must be one {@link PasswordHasher} can check; any
 * problem stops the start. Immutable after loading; thread-safe.
 */
public final class UsersFile implements UserStore {
    private static final String KEY = "keycard.users.file";

    private final Map<String, User> byEmail;
    private final Map<String, User> byId;

    private UsersFile(List<User> users) {
        Map<String, User> emails = new HashMap<>();
        Map<String, User> ids = new HashMap<>();
        for (User u : users) {
            if (emails.putIfAbsent(UserStore.normalizeEmail(u.email()), u) != null) {
                throw new ConfigException(KEY, "email " + u.email() + " appears twice");
            }
            if (ids.putIfAbsent(u.id(), u) != null) {
                throw new ConfigException(KEY, "user id " + u.id() + " appears twice");
            }
        }
        this.byEmail = Map.copyOf(emails);
        this.byId = Map.copyOf(ids);
    }

    /** Reads and validates {@code file}. */
    public static UsersFile load(Path file, PasswordHasher hasher) {
        JsonNode root;
        try {
            ObjectMapper mapper = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            root = mapper.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ConfigException(KEY, "cannot read " + file + ": " + e.getClass().getSimpleName());
        }
        if (root == null || !root.path("users").isArray()) {
            throw new ConfigException(KEY, file + " must hold an object with a \"users\" array");
        }
        List<User> users = new ArrayList<>();
        int i = 0;
        for (JsonNode n : root.get("users")) {
            String where = "users[" + i++ + "]";
            String id = text(n, "id", where);
            String email = text(n, "email", where);
            String hash = text(n, "passwordHash", where);
            if (!hasher.isSupported(hash)) {
                throw new ConfigException(KEY, where + ".passwordHash is not an Argon2id or bcrypt hash"
                        + " (create one with: java -jar keycard.jar hash-password)");
            }
            List<String> roles = new ArrayList<>();
            for (JsonNode r : n.path("roles")) {
                if (!r.isTextual()) {
                    throw new ConfigException(KEY, where + ".roles must be strings");
                }
                roles.add(r.asText());
            }
            JsonNode disabled = n.path("disabled");
            if (!disabled.isMissingNode() && !disabled.isBoolean()) {
                throw new ConfigException(KEY, where + ".disabled must be true or false");
            }
            users.add(new User(id, UserStore.normalizeEmail(email), hash, roles, disabled.asBoolean(false)));
        }
        return new UsersFile(users);
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new ConfigException(KEY, where + "." + field + " must be a non-empty string");
        }
        return v.asText().trim();
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return Optional.ofNullable(byEmail.get(UserStore.normalizeEmail(email)));
    }

    @Override
    public Optional<User> findById(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Number of accounts loaded. */
    public int size() {
        return byId.size();
    }
}
