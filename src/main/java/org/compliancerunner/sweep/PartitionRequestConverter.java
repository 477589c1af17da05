package org.compliancerunner.sweep;

import java.nio.charset.StandardCharsets;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Partition requests on the wire: {@code {"stepExecutionId": 42, "stepName": "analyze-worker"}} as JSON, with no
 * Java type headers, so any tool can read the queues and nothing is deserialised by class name.
 */
class PartitionRequestConverter implements MessageConverter {

    private final JsonMapper json;

    PartitionRequestConverter(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Message toMessage(Object object, MessageProperties properties) {
        if (!(object instanceof StepExecutionRequest request)) {
            throw new MessageConversionException("Only partition requests go to the partition queue, not " + object);
        }
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setContentEncoding(StandardCharsets.UTF_8.name());
        byte[] body = json.writeValueAsBytes(json.createObjectNode()
                .put("stepExecutionId", request.getStepExecutionId())
                .put("stepName", request.getStepName()));
        return new Message(body, properties);
    }

    @Override
    public StepExecutionRequest fromMessage(Message message) {
        try {
            JsonNode node = json.readTree(message.getBody());
            if (!node.path("stepExecutionId").canConvertToLong() || !node.path("stepName").isString()) {
                throw new MessageConversionException("not a partition request");
            }
            return new StepExecutionRequest(node.get("stepName").asString(), node.get("stepExecutionId").asLong());
        } catch (RuntimeException e) {
            throw new MessageConversionException("A message on the partition queue is not a partition request "
                    + "{\"stepExecutionId\": N, \"stepName\": S}: "
                    + new String(message.getBody(), StandardCharsets.UTF_8), e);
        }
    }
}
