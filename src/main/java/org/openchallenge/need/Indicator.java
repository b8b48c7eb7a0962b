package org.openchallenge.need;

import java.math.BigDecimal;

/** A measurable outcome framed with the challenge; measured again during delivery. */
public record Indicator(long id, int position, String name, String unit, BigDecimal baseline, BigDecimal target,
                        Direction direction) {

  public enum Direction {
    INCREASE, DECREASE;

    /** What is wrong with a target for this direction from this baseline, or null when it is consistent. */
    public String describeTarget(BigDecimal baseline, BigDecimal target) {
      boolean consistent = this == INCREASE ? target.compareTo(baseline) > 0 : target.compareTo(baseline) < 0;
      return consistent ? null : "must be " + (this == INCREASE ? "above" : "below") + " its baseline "
          + baseline.stripTrailingZeros().toPlainString() + " for an indicator meant to "
          + name().toLowerCase();
    }
  }

  public String describe() {
    return "%s: from %s to %s %s (%s)".formatted(name, baseline.stripTrailingZeros().toPlainString(),
        target.stripTrailingZeros().toPlainString(), unit, direction.name().toLowerCase());
  }
}
