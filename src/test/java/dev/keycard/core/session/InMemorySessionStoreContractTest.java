package dev.keycard.core.session;

/** The session store contract against {@link InMemorySessionStore}. */
class InMemorySessionStoreContractTest extends SessionStoreContract {
    @Override
    SessionStore emptyStore() {
        return new InMemorySessionStore();
    }
}
