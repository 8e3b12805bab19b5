package dev.keycard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every shared case: real-world failures written down as requests, each run against a fresh Keycard on
 * embedded Tomcat. Case files are {@code *.json} files in {@code src/test/resources/cases/} of this repository and
 * in the shared folder {@code ../shared/cases/} (another folder with {@code -Dshared.cases.dir=...}); a case file
 * dropped into either becomes a test with no code change (an id with a file in both places runs both). Every {@code ### CASE-NN} heading of
 * {@code ../shared/cases/CASES.md} must have a case file (a missing one fails, it is never skipped); where a case's
 * prose and the HTTP contract differ, the file follows the contract.
 *
 * <h2>Case file format</h2>
 * <pre>{@code
 * {
 *   "case": "CASE-01",                     // id; one file per id
 *   "title": "one line",
 *   "settings": {"keycard.x": "v"},        // optional Keycard settings for this case's server
 *   "tokens": {                            // optional named tokens, used as {TOKEN:name}
 *     "name": {
 *       "header": "<JSON text>" | "@VAR",  // header JSON (sent verbatim) or the header of the token in VAR
 *       "headerSegment": "<literal>",      // or the encoded segment as is (e.g. with '=' padding)
 *       "payload": "<JSON text>" | "@VAR", "payloadSegment": "<literal>",
 *       "set": {"exp": "<JSON text>"},     // claims to set (value is JSON text after placeholders: "{NOW-31}",
 *                                          // "\"9999999999\"", "null", "[1]"); "remove": ["exp"]
 *       "setHeader": {..}, "removeHeader": [..],
 *       "cutPayloadChar": true,            // delete the middle character of the payload segment
 *       "insertInPayload": "+",            // insert text in the middle of the payload segment
 *       "sign": "ACCESS"|"REFRESH"|"WRONG"|"KEEP:@VAR",  // HS256 with that key, or VAR's own signature;
 *       "signature": "<literal>",          // without "sign": this literal third segment (default empty)
 *       "twoSegments": true, "suffix": ".x" // drop the third segment; append text
 *     }
 *   },
 *   "steps": [                             // run in order
 *     {"advanceClock": "PT31S"},           // moves the server's clock
 *     {
 *       "name": "login",                   // names the step for "sameBodyAs"
 *       "request": {"method": "POST", "path": "/api/login",
 *                   "headers": ["Content-Type: application/json", "Cookie: refreshToken={R0}"],  // verbatim lines
 *                   "body": "<text>" | "bodyBase64": "<bytes>"},
 *       "each": ["v1", "v2"],              // optional: run once per value, available as {EACH}
 *       "repeat": 30,                      // optional: run N times in a row
 *       "parallel": 10,                    // optional: send N identical requests at once
 *       "expect": {
 *         "status": 401 | [400, 401],
 *         "json": {"error": "invalid_token"},               // members of the JSON body
 *         "headers": {"WWW-Authenticate": "<regex>"},      // some value of the header matches (find)
 *         "absentHeaders": ["Access-Control-Allow-Origin"],
 *         "bodyExcludes": ["{ACCESS}"],
 *         "cookie": "set" | "cleared" | "none",             // the refreshToken Set-Cookie (exactly one unless none)
 *         "cookieMatches": ["<regex>"], "cookieExcludes": ["<regex>"],
 *         "sameBodyAs": "<step name>",                       // byte-identical body
 *         "distinctCookies": 1                               // with parallel: distinct refresh tokens set
 *       },
 *       "capture": {"ACCESS": "json:accessToken", "R0": "cookie", "X": "header:Name"}
 *     }
 *   ]
 * }
 * }</pre>
 * Placeholders in paths, header lines, bodies, token parts and {@code bodyExcludes}: captured variables,
 * {@code {USER_EMAIL}}, {@code {USER_PASSWORD}}, {@code {ADMIN_EMAIL}}, {@code {ADMIN_PASSWORD}},
 * {@code {LOCKED_EMAIL}}, {@code {LOCKED_PASSWORD}}, {@code {SECRET}} (the access secret), {@code {ORIGIN}} (the
 * server's own), {@code {APP_ORIGIN}} (an allowed one), {@code {NOW}}, {@code {NOW+N}}, {@code {NOW-N}},
 * {@code {RANDOM}}, {@code {REPEAT:text:N}}, {@code {EACH}}, {@code {TOKEN:name}}. Every answer, whatever the case
 * says, must be below 500, JSON under {@code /api}, and free of stack traces, class names and server versions.
 */
class SharedCasesTest {
    private static final Pattern HEADING = Pattern.compile("^### (CASE-\\d+)", Pattern.MULTILINE);
    private static final Path REPO_CASES = Path.of("src/test/resources/cases");

    private final ObjectMapper mapper = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    static Path sharedCases() {
        return Path.of(System.getProperty("shared.cases.dir", "../shared/cases"));
    }

    @TestFactory
    Stream<DynamicTest> everyCaseFileReplays() {
        return caseFiles().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), e.getValue().toUri(),
                () -> new CaseRunner(read(e.getValue()), e.getKey()).run()));
    }

    @Test
    void everyCaseOfTheSharedListHasACaseFile() throws IOException {
        Path list = sharedCases().resolve("CASES.md");
        assertTrue(Files.isRegularFile(list), "the shared case list must exist: " + list.toAbsolutePath());
        Matcher m = HEADING.matcher(Files.readString(list));
        TreeSet<String> listed = new TreeSet<>();
        while (m.find()) {
            listed.add(m.group(1));
        }
        assertFalse(listed.isEmpty(), "no ### CASE-NN headings in " + list);
        TreeSet<String> missing = new TreeSet<>(listed);
        caseFiles().keySet().forEach(name -> missing.remove(name.substring(0, name.indexOf(' '))));
        assertEquals(new TreeSet<>(), missing, "cases without a case file");
    }

    /** Every case file, named by its id and location; an id may have files in both places (both run). */
    private Map<String, Path> caseFiles() {
        Map<String, Path> files = new TreeMap<>();
        for (Path dir : List.of(REPO_CASES, sharedCases())) {
            for (Path f : jsonFiles(dir)) {
                String id = read(f).path("case").asText("");
                assertFalse(id.isEmpty(), f + " has no \"case\" id");
                files.put(id + " (" + f + ")", f);
            }
        }
        assertFalse(files.isEmpty(), "no case files in " + REPO_CASES.toAbsolutePath());
        return files;
    }

    private static List<Path> jsonFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(s.filter(p -> p.toString().endsWith(".json")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode read(Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read case file " + file, e);
        }
    }
}
