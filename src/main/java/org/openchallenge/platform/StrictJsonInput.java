package org.openchallenge.platform;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Strict reading of the application's JSON request bodies (Spring's ObjectMapper registers every Module bean): every
 * string must be acceptable user text ({@link UserText}) and is normalised to NFC; an enum is given by its exact name,
 * never by number, and never trimmed (Jackson's default accepts both). A refusal names the field's JSON path
 * (ApiExceptionHandler).
 */
@Configuration
public class StrictJsonInput {

  /** A refused value: the message says what is wrong with it, and the path where it is. */
  public static final class Refusal extends JsonMappingException {

    private final String problem;

    Refusal(JsonParser parser, String problem) {
      super(parser, problem);
      this.problem = problem;
    }

    public String problem() {
      return problem;
    }
  }

  @Bean
  public Module strictJsonInputModule() {
    SimpleModule module = new SimpleModule("open-challenge-strict-input");
    module.addDeserializer(String.class, new StrictString());
    module.setDeserializerModifier(new BeanDeserializerModifier() {
      @Override
      public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                        BeanDescription description, JsonDeserializer<?> deserializer) {
        return new StrictEnum(type.getRawClass());
      }
    });
    return module;
  }

  static final class StrictString extends StdDeserializer<String> {

    StrictString() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String value = StringDeserializer.instance.deserialize(parser, context);
      if (value == null) {
        return null;
      }
      String problem = UserText.problem(value);
      if (problem != null) {
        throw new Refusal(parser, problem);
      }
      return UserText.normalised(value);
    }
  }

  static final class StrictEnum extends StdDeserializer<Enum<?>> {

    private final Map<String, Enum<?>> byName = new LinkedHashMap<>();

    StrictEnum(Class<?> type) {
      super(type);
      Arrays.stream(type.getEnumConstants()).map(c -> (Enum<?>) c).forEach(c -> byName.put(c.name(), c));
    }

    @Override
    public Enum<?> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      Enum<?> value = parser.hasToken(JsonToken.VALUE_STRING) ? byName.get(parser.getText()) : null;
      if (value == null) {
        throw new Refusal(parser, "must be one of " + byName.keySet().stream().collect(Collectors.joining(", ")));
      }
      return value;
    }
  }
}
