package org.openchallenge.intake;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.openchallenge.platform.ApiException;
import org.openchallenge.platform.IsoCountry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The open solution catalogue: public, read-only, no login (docs/api.md). */
@RestController
@RequestMapping("/api/public/solutions")
public class CatalogueController {

  /** Paging limits of the public lists (the catalogue and the algorithm register). */
  public static final int MAX_PAGE = 10000;
  public static final int MAX_SIZE = 100;

  private final CatalogueSearch catalogue;

  public CatalogueController(CatalogueSearch catalogue) {
    this.catalogue = catalogue;
  }

  @GetMapping
  public CatalogueSearch.Page search(
      @RequestParam(required = false) @Size(max = 200) String q,
      @RequestParam(required = false) @Size(max = 40) String challenge,
      @RequestParam(required = false) String organisationType,
      @RequestParam(required = false) String maturity,
      @RequestParam(required = false) @IsoCountry String country,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String source,
      @RequestParam(required = false) @Pattern(regexp = "relevance|newest|oldest|title",
          message = "must be relevance, newest, oldest or title") String sort,
      @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_SIZE) int size) {
    return catalogue.search(new CatalogueSearch.Filter(q, challenge,
        exact("organisationType", organisationType, Solution.OrganisationType.class),
        exact("maturity", maturity, Solution.Maturity.class), country, exact("status", status, Solution.Status.class),
        exact("source", source, Solution.Source.class)), CatalogueSearch.Sort.of(sort, q != null && !q.isBlank()),
        page, size);
  }

  /** An enum constant named exactly: Spring's own conversion trims the value and falls back to lenient matching. */
  private static <E extends Enum<E>> E exact(String parameter, String value, Class<E> type) {
    if (value == null) {
      return null;
    }
    return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value)).findFirst()
        .orElseThrow(() -> ApiException.badRequest("Parameter " + parameter + " must be one of "
            + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
  }

  @GetMapping("/{id}")
  public CatalogueSearch.Entry one(@PathVariable long id) {
    return catalogue.find(id).orElseThrow(() -> ApiException.notFound("No published solution " + id));
  }
}
