package org.openchallenge.monitoring;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A contracted challenge's delivery and impact, for everyone (no login). */
@RestController
public class PublicDeliveryController {

  private final PublicDelivery delivery;

  public PublicDeliveryController(PublicDelivery delivery) {
    this.delivery = delivery;
  }

  @GetMapping("/api/public/challenges/{businessKey}/delivery")
  public PublicDelivery.Delivery delivery(@PathVariable String businessKey) {
    return delivery.of(businessKey);
  }
}
