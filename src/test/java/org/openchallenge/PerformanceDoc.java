package org.openchallenge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** docs/performance.md, where each benchmark keeps one section of its own. */
public final class PerformanceDoc {

  static final Path FILE = Path.of("docs", "performance.md");
  static final String PREAMBLE = """
      # Performance

      Figures come from benchmarks, not from timed tests: each benchmark writes its own section here with the
      command that reproduces it. Machines here are shared and noisy (2 cores); compare figures within one section.
      """;

  private PerformanceDoc() {
  }

  /** Replaces the section that starts with {@code heading} (up to the next "## "), or appends it. */
  public static void writeSection(String heading, String section) throws IOException {
    String doc = Files.exists(FILE) ? Files.readString(FILE) : PREAMBLE;
    int start = doc.indexOf(heading);
    if (start >= 0) {
      int end = doc.indexOf("\n## ", start + heading.length());
      doc = doc.substring(0, start) + section + (end < 0 ? "" : doc.substring(end + 1));
    } else {
      doc = doc.stripTrailing() + "\n\n" + section;
    }
    Files.writeString(FILE, doc);
  }
}
