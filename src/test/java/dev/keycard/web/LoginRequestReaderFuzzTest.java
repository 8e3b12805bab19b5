package dev.keycard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Fuzzes the login body parser: any bytes of at most 8 KiB give either two strings or a 400 {@link ApiException}
 * ({@code invalid_request}), never another exception. The normal test run replays the seed corpus in
 * {@code src/test/resources/dev/keycard/web/LoginRequestReaderFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class LoginRequestReaderFuzzTest {
    private final LoginRequestReader reader = new LoginRequestReader();

    @FuzzTest(maxDuration = "10m")
    void parse(byte[] input) {
        byte[] body = input.length > LoginRequestReader.MAX_BYTES
                ? Arrays.copyOf(input, LoginRequestReader.MAX_BYTES) : input;
        try {
            LoginRequestReader.LoginRequest login = reader.parse(body);
            assertNotNull(login.email());
            assertNotNull(login.password());
        } catch (ApiException e) {
            assertEquals(ApiError.INVALID_REQUEST, e.error());
        }
    }
}
