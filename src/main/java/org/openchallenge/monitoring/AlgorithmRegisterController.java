package org.openchallenge.monitoring;

import java.util.List;

import org.openchallenge.intake.CatalogueController;
import org.openchallenge.platform.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The public algorithm register (no login). */
@RestController
@RequestMapping("/api/public/algorithm-register")
public class AlgorithmRegisterController {

  private final AlgorithmRegister register;
  private final MonitoringService monitoring;

  public AlgorithmRegisterController(AlgorithmRegister register, MonitoringService monitoring) {
    this.register = register;
    this.monitoring = monitoring;
  }

  /** Paged like the open solution catalogue, with the same limits. */
  @GetMapping
  public AlgorithmRegister.Page all(
      @RequestParam(defaultValue = "0") @Min(0) @Max(CatalogueController.MAX_PAGE) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(CatalogueController.MAX_SIZE) int size) {
    return register.page(page, size);
  }

  @GetMapping("/{businessKey}")
  public AlgorithmRegister.Entry one(@PathVariable String businessKey) {
    return register.of(businessKey).orElseThrow(() -> ApiException.notFound("No algorithm register record for "
        + businessKey));
  }

  /** The periodic reviews of the system during delivery (bias, performance, incidents, human oversight). */
  @GetMapping("/{businessKey}/reviews")
  public List<MonitoringService.AiReview> reviews(@PathVariable String businessKey) {
    one(businessKey);
    return monitoring.aiReviews(businessKey);
  }
}
