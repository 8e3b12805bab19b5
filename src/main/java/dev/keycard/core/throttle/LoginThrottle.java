package dev.keycard.core.throttle;

/**
 * Failed-login budgets per account and per client address. {@link #checkAllowed} runs before the password is
 * checked, so a correct password does not get past a spent budget. The account key is the normalized email as
 * sent, whether or not such an account exists, so the throttle behaves the same for known and unknown emails.
 * An implementation that keeps its counts in a shared store throws
 * {@link dev.keycard.core.session.StoreUnavailableException} from any method when that store cannot answer.
 * Implementations are thread-safe.
 */
public interface LoginThrottle {
    /**
     * Refuses the attempt when either budget is spent.
     *
     * @throws TooManyAttemptsException carrying how long the client should wait
     */
    void checkAllowed(String accountKey, String clientKey);

    /** Counts a failed attempt against both budgets. */
    void recordFailure(String accountKey, String clientKey);

    /**
     * A successful login: the account's failures are forgotten. The client's are kept, so that signing in to one's
     * own account between guesses at others does not reset the client budget.
     */
    void recordSuccess(String accountKey, String clientKey);
}
