package org.openchallenge.cases;

import java.util.List;

import org.openchallenge.platform.Actors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Cases for the city's staff: list, look up, and cancel with a reason. */
@RestController
@RequestMapping("/api/cases")
public class CaseController {

  private final CaseService cases;
  private final CaseRepository repository;
  private final Actors actors;

  public CaseController(CaseService cases, CaseRepository repository, Actors actors) {
    this.cases = cases;
    this.repository = repository;
    this.actors = actors;
  }

  @GetMapping
  public List<ProcurementCase> list(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
                                    @RequestParam(defaultValue = "0") @Min(0) int offset) {
    return repository.list(limit, offset);
  }

  @GetMapping("/{businessKey}")
  public ProcurementCase get(@PathVariable String businessKey) {
    return cases.require(businessKey);
  }

  public record Cancellation(@NotBlank @Size(max = 4000) String reason) {
  }

  @PostMapping("/{businessKey}/cancellation")
  public ProcurementCase cancel(@PathVariable String businessKey, @Valid @RequestBody Cancellation cancellation) {
    return cases.cancel(businessKey, cancellation.reason().strip(), actors.current());
  }
}
