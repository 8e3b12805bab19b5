package dev.keycard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keycard's core knows nothing of servlets or Tomcat: it could run behind any HTTP layer. */
class ArchitectureTest {
    @Test
    void coreClassesWhenCompiledThenReferenceNoServletOrTomcatType() throws IOException {
        Path core = Path.of("target/classes/dev/keycard/core");
        List<Path> classes;
        try (Stream<Path> s = Files.walk(core)) {
            classes = s.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertFalse(classes.isEmpty());
        List<String> offenders = classes.stream().filter(ArchitectureTest::mentionsServletApi)
                .map(Path::toString).toList();
        assertEquals(List.of(), offenders);
    }

    private static boolean mentionsServletApi(Path classFile) {
        try {
            // constant pool entries hold referenced type names in internal form
            String bytes = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
            return bytes.contains("jakarta/servlet") || bytes.contains("org/apache/catalina")
                    || bytes.contains("dev/keycard/web") || bytes.contains("dev/keycard/server");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
