package org.openchallenge.platform;

import java.text.Normalizer;

/**
 * What the application accepts as text from users: well-formed Unicode without control characters other than tab,
 * line feed and carriage return, stored in Unicode normalisation form C. A lone surrogate cannot be written as UTF-8
 * (the feed would break), and PostgreSQL cannot store NUL at all.
 */
public final class UserText {

  private UserText() {
  }

  /** Why this text is refused ("contains ..."), or null when it is acceptable. */
  public static String problem(String text) {
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      if (Character.isSurrogate(text.charAt(i)) && Character.charCount(codePoint) == 1) {
        return "contains invalid Unicode (a lone surrogate at character " + (i + 1) + ")";
      }
      if (Character.getType(codePoint) == Character.CONTROL && codePoint != '\t' && codePoint != '\n'
          && codePoint != '\r') {
        return String.format("contains the control character U+%04X at character %d", codePoint, i + 1);
      }
      if ((codePoint & 0xFFFE) == 0xFFFE || (codePoint >= 0xFDD0 && codePoint <= 0xFDEF)) {
        return String.format("contains the Unicode noncharacter U+%04X at character %d", codePoint, i + 1);
      }
      i += Character.charCount(codePoint);
    }
    return null;
  }

  /** Whether the text can be encoded as UTF-8 at all (no lone surrogates). */
  public static boolean isWellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** The text in normalisation form C, so that equal-looking texts are stored, searched and hashed alike. */
  public static String normalised(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC);
  }
}
