package org.openchallenge.monitoring;

import java.util.List;

import org.openchallenge.platform.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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

  @GetMapping
  public List<AlgorithmRegister.Entry> all() {
    return register.all();
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
