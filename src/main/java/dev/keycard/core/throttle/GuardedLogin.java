package dev.keycard.core.throttle;

import dev.keycard.core.user.Authenticator;
import dev.keycard.core.user.InvalidCredentialsException;
import dev.keycard.core.user.User;
import dev.keycard.core.user.UserStore;
import java.util.Objects;

/**
 * A login attempt in the order that keeps it safe: the failure budgets are checked before any password work (a
 * spent budget refuses even the right password), then a password-check slot is taken (none free: refused at once),
 * then the password is checked and the outcome counted. Unknown and known emails go through the very same steps.
 * Thread-safe.
 */
public final class GuardedLogin {
    private final Authenticator authenticator;
    private final LoginThrottle throttle;
    private final PasswordCheckLimiter limiter;

    public GuardedLogin(Authenticator authenticator, LoginThrottle throttle, PasswordCheckLimiter limiter) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
    }

    /**
     * The enabled account these credentials name.
     *
     * @param clientKey where the attempt comes from (the client's address)
     * @throws TooManyAttemptsException when the account's or the client's failure budget is spent
     * @throws TooBusyException when every password-check slot is taken
     * @throws InvalidCredentialsException when the credentials do not name an enabled account
     */
    public User authenticate(String email, String password, String clientKey) {
        String accountKey = UserStore.normalizeEmail(email);
        throttle.checkAllowed(accountKey, clientKey);
        User user;
        try (PasswordCheckLimiter.Permit slot = limiter.acquire()) {
            user = authenticator.authenticate(email, password);
        } catch (InvalidCredentialsException e) {
            throttle.recordFailure(accountKey, clientKey);
            throw e;
        }
        throttle.recordSuccess(accountKey, clientKey);
        return user;
    }
}
