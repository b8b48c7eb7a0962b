package org.openchallenge.need;

import java.math.BigDecimal;

/** A measurable outcome framed with the challenge; measured again during delivery. */
public record Indicator(long id, int position, String name, String unit, BigDecimal baseline, BigDecimal target,
                        Direction direction) {

  public enum Direction { INCREASE, DECREASE }

  public String describe() {
    return "%s: from %s to %s %s (%s)".formatted(name, baseline.stripTrailingZeros().toPlainString(),
        target.stripTrailingZeros().toPlainString(), unit, direction.name().toLowerCase());
  }
}
