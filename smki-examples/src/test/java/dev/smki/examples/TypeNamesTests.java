package dev.smki.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The top-level types of the three modules' main code have unique simple names, so that code importing from several
 * packages never has to qualify one (smki-core's own ArchitectureTests also checks its member types).
 */
class TypeNamesTests {

    private static final List<String> MODULES = List.of("smki-core", "smki-recovery", "smki-examples");

    @Test
    void noTwoTopLevelTypesOfTheProjectShareASimpleName() throws IOException {
        Map<String, List<String>> byName = new TreeMap<>();
        for (String module : MODULES) {
            Path sources = Path.of("..", module, "src", "main", "java");
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(p -> p.getFileName().toString().endsWith(".java"))
                        .filter(p -> !p.getFileName().toString().equals("package-info.java")
                                && !p.getFileName().toString().equals("module-info.java"))
                        .forEach(p -> byName.computeIfAbsent(
                                        p.getFileName().toString().replace(".java", ""),
                                        n -> new java.util.ArrayList<>())
                                .add(sources.relativize(p).toString()));
            }
        }
        assertThat(byName).as("top-level types found").hasSizeGreaterThan(300);

        Map<String, List<String>> shared = byName.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        assertThat(shared)
                .as("simple names that more than one top-level type has")
                .isEmpty();
    }
}
