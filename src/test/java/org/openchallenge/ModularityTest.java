package org.openchallenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The application's modules (the packages directly under org.openchallenge) as Spring Modulith sees them: no cycles
 * between them and no use of another module's internals. The module diagrams in docs/modules/ are generated from the
 * same model; this test fails when they are stale, and {@code -Dmodules.write=true} rewrites them.
 */
class ModularityTest {

  static final ApplicationModules MODULES = ApplicationModules.of(OpenChallengeApplication.class);
  static final Path DOCS = Path.of("docs", "modules");

  @Test
  void modulesFormAnAcyclicGraphAndUseOnlyEachOthersApi() {
    MODULES.verify();
  }

  @Test
  void theModuleDiagramsInDocsAreCurrent() throws IOException {
    Path generated = Files.createTempDirectory("modules");
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml();
    if (Boolean.getBoolean("modules.write")) {
      Files.createDirectories(DOCS);
      for (Path diagram : diagrams(generated)) {
        Files.copy(diagram, DOCS.resolve(diagram.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    for (Path diagram : diagrams(generated)) {
      Path documented = DOCS.resolve(diagram.getFileName());
      assertThat(documented).as("docs/modules/%s is missing or stale: run ./mvnw test -Dtest=ModularityTest "
          + "-Dmodules.write=true and commit docs/modules/", diagram.getFileName()).exists();
      // Compared as sets of lines: the diagram's meaning does not depend on the order Modulith lists things in.
      assertThat(Files.readAllLines(documented)).as("docs/modules/%s is stale: run ./mvnw test "
          + "-Dtest=ModularityTest -Dmodules.write=true and commit docs/modules/", diagram.getFileName())
          .containsExactlyInAnyOrderElementsOf(Files.readAllLines(diagram));
    }
  }

  private static List<Path> diagrams(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".puml")).sorted().toList();
    }
  }
}
