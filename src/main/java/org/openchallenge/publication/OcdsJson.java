package org.openchallenge.publication;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** What every OCDS release builder needs to turn rows into OCDS fields. */
final class OcdsJson {

  static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private OcdsJson() {
  }

  /** A column of a row; JdbcClient's row maps ignore case, so H2's upper-case names match too. */
  static Object get(Map<String, Object> row, String column) {
    return row.get(column);
  }

  static int number(Map<String, Object> row, String column) {
    return ((Number) get(row, column)).intValue();
  }

  static String trim(Object text) {
    return text == null ? null : text.toString().strip();
  }

  static String time(Map<String, Object> row, String column) {
    Object value = get(row, column);
    if (value == null) {
      return null;
    }
    OffsetDateTime time = value instanceof OffsetDateTime t ? t
        : value instanceof java.sql.Timestamp ts ? ts.toInstant().atOffset(ZoneOffset.UTC)
        : OffsetDateTime.parse(value.toString().replace(' ', 'T'));
    return time.withOffsetSameInstant(ZoneOffset.UTC).format(DATE_TIME);
  }

  /** An insertion-ordered map without null values (OCDS fields are omitted rather than null). */
  static Map<String, Object> map(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      if (keyValues[i + 1] != null) {
        m.put((String) keyValues[i], keyValues[i + 1]);
      }
    }
    return m;
  }
}
