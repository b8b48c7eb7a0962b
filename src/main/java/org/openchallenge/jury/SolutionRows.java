package org.openchallenge.jury;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import org.openchallenge.intake.Solution;
import org.openchallenge.platform.FormInput;

/**
 * The rows of a per-solution dynamic list, checked against the solutions the form was prefilled with: each exactly
 * once, none added. The ids come back from the rows' read-only {@code solutionId} field.
 */
final class SolutionRows {

  static final String SOLUTION_ID = "solutionId";

  private SolutionRows() {
  }

  static <T> List<T> read(FormInput in, String key, String label, List<Solution> expected,
                          BiFunction<Long, FormInput, T> rowReader) {
    List<T> values = new ArrayList<>();
    Set<Long> expectedIds = new HashSet<>();
    expected.forEach(s -> expectedIds.add(s.id()));
    Set<Long> seen = new HashSet<>();
    for (FormInput row : in.rows(key, label, expected.size(), expected.size())) {
      Integer id = row.whole(SOLUTION_ID, "Solution reference", 1, Integer.MAX_VALUE);
      if (id == null) {
        continue;
      }
      long solutionId = id;
      if (!expectedIds.contains(solutionId)) {
        row.problem("solution " + solutionId + " is not one you can answer for here");
      } else if (!seen.add(solutionId)) {
        row.problem("solution " + solutionId + " appears twice");
      } else {
        values.add(rowReader.apply(solutionId, row));
      }
    }
    return values;
  }
}
