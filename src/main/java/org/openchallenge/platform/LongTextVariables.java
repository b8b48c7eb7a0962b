package org.openchallenge.platform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.variable.serializer.AbstractTypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * String variables longer than the engine's text column ({@code TEXT_}, varchar(4000) in ACT_RU_VARIABLE and the
 * history tables) are stored as a byte array instead, so no String variable can fail to persist and stick a case,
 * whoever sets it: a form prefilled with every consultation answer, a user's submission, a script. They stay String
 * variables (type {@code String} in the REST API and Tasklist); only the storage differs, under the serializer name
 * {@value #NAME}. Shorter strings keep Camunda's own serializer, so variable queries on them work as before.
 *
 * <p>A form submission is also recorded in history as form-property events, whose value column has the same limit and
 * no serializer: there a long value is clipped, since the variable's own history keeps it whole.
 */
@Component
public class LongTextVariables extends AbstractProcessEnginePlugin {

  public static final String NAME = "longString";
  /** ACT_RU_VARIABLE.TEXT_ and its history counterparts hold 4000 characters. */
  public static final int ENGINE_TEXT_COLUMN = 4000;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<TypedValueSerializer> serializers = configuration.getCustomPreVariableSerializers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreVariableSerializers());
    serializers.add(0, new Serializer());
    configuration.setCustomPreVariableSerializers(serializers);
    if (configuration.getHistoryEventProducer() != null) {
      throw new IllegalStateException("Another history event producer is configured; form-property events could "
          + "exceed the engine's text column");
    }
    configuration.setHistoryEventProducer(new CacheAwareHistoryEventProducer() {
      @Override
      public HistoryEvent createFormPropertyUpdateEvt(ExecutionEntity execution, String propertyId,
                                                      String propertyValue, String taskId) {
        return super.createFormPropertyUpdateEvt(execution, propertyId, clipped(propertyValue), taskId);
      }
    });
  }

  /** At most the column's length, never splitting a surrogate pair, marked as clipped. */
  static String clipped(String value) {
    if (value == null || value.length() <= ENGINE_TEXT_COLUMN) {
      return value;
    }
    int end = ENGINE_TEXT_COLUMN - 1;
    if (Character.isHighSurrogate(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(0, end) + "\u2026";
  }

  static final class Serializer extends AbstractTypedValueSerializer<StringValue> {

    Serializer() {
      super(ValueType.STRING);
    }

    @Override
    public String getName() {
      return NAME;
    }

    @Override
    protected boolean canWriteValue(TypedValue value) {
      return value.getValue() instanceof String text && text.length() > ENGINE_TEXT_COLUMN;
    }

    @Override
    public void writeValue(StringValue value, ValueFields fields) {
      fields.setByteArrayValue(value.getValue().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public StringValue readValue(ValueFields fields, boolean deserialize, boolean asTransientValue) {
      byte[] bytes = fields.getByteArrayValue();
      return Variables.stringValue(bytes == null ? null : new String(bytes, StandardCharsets.UTF_8),
          asTransientValue);
    }

    @Override
    public StringValue convertToTypedValue(UntypedValueImpl untyped) {
      return Variables.stringValue((String) untyped.getValue(), untyped.isTransient());
    }
  }
}
