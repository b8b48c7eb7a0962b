package org.openchallenge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OpenChallengeApplication {

  public static void main(String[] args) {
    SpringApplication.run(OpenChallengeApplication.class, args);
  }
}
