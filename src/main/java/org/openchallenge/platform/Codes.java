package org.openchallenge.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The code lists the application accepts: currencies as OCDS 1.1.5 lists them (ISO 4217, its codelist
 * {@code ocds/codelists/currency.csv}), and countries as ISO 3166-1 alpha-2 (the JDK's list).
 */
public final class Codes {

  /** Current ISO 4217 codes: the codelist's entries without a "Valid Until" date, except testing and no currency. */
  public static final Set<String> CURRENCIES = currencies();
  public static final Set<String> COUNTRIES = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

  private Codes() {
  }

  public static boolean isCurrency(String code) {
    return code != null && CURRENCIES.contains(code);
  }

  public static boolean isCountry(String code) {
    return code != null && COUNTRIES.contains(code);
  }

  private static Set<String> currencies() {
    Set<String> codes = new TreeSet<>();
    try (InputStream in = Codes.class.getResourceAsStream("/ocds/codelists/currency.csv")) {
      if (in == null) {
        throw new IllegalStateException("The OCDS currency codelist is missing from the classpath");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      lines.readLine(); // Code,Title,Valid Until
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String code = line.substring(0, line.indexOf(','));
        // An empty last column: still valid. XTS (testing) and XXX (no currency) are no price's currency.
        if (line.endsWith(",") && !code.equals("XTS") && !code.equals("XXX")) {
          codes.add(code);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(codes);
  }
}
