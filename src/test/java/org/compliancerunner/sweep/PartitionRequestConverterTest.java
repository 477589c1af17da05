package org.compliancerunner.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import tools.jackson.databind.json.JsonMapper;

class PartitionRequestConverterTest {

    private final PartitionRequestConverter converter = new PartitionRequestConverter(JsonMapper.builder().build());

    @Test
    void aRequestTravelsAsPlainJsonWithoutJavaTypeHeaders() {
        Message message = converter.toMessage(new StepExecutionRequest("analyze-worker", 42L), new MessageProperties());

        assertThat(new String(message.getBody(), StandardCharsets.UTF_8))
                .isEqualTo("{\"stepExecutionId\":42,\"stepName\":\"analyze-worker\"}");
        assertThat(message.getMessageProperties().getContentType()).isEqualTo("application/json");
        assertThat(message.getMessageProperties().getHeaders()).doesNotContainKey("__TypeId__");
        StepExecutionRequest back = converter.fromMessage(message);
        assertThat(back.getStepExecutionId()).isEqualTo(42L);
        assertThat(back.getStepName()).isEqualTo("analyze-worker");
    }

    @Test
    void aForeignMessageIsRefusedNamingWhatWasExpectedAndWhatCame() {
        Message foreign = new Message("{\"hello\":1}".getBytes(StandardCharsets.UTF_8), new MessageProperties());

        assertThatThrownBy(() -> converter.fromMessage(foreign))
                .isInstanceOf(MessageConversionException.class)
                .hasMessageContaining("stepExecutionId").hasMessageContaining("{\"hello\":1}");
        assertThatThrownBy(() -> converter.toMessage("text", new MessageProperties()))
                .isInstanceOf(MessageConversionException.class);
    }
}
