package org.compliancerunner.sweep;

import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * Sends partition requests to the workers' queue and tells whether the broker took each one: confirmed by the broker
 * (publisher confirms) and not returned as unroutable (mandatory), so a request lost on the way is known and sent again.
 */
class PartitionRequests {

    private static final Logger log = LoggerFactory.getLogger(PartitionRequests.class);

    /** How long the broker has to confirm one request; past it the request counts as not sent. */
    private static final long CONFIRM_WAIT_MS = 10_000;

    private final RabbitTemplate template;
    private final String queue;

    PartitionRequests(CachingConnectionFactory connections, PartitionRequestConverter converter, RemoteProperties remote) {
        this.template = new RabbitTemplate(connections);
        template.setMessageConverter(converter);
        template.setMandatory(true); // a request no queue takes comes back instead of vanishing
        this.queue = remote.requests();
    }

    /** Publishes the request and waits for the broker's answer: true once it is queued, false when it may not be. */
    boolean send(StepExecutionRequest request) {
        long id = request.getStepExecutionId();
        CorrelationData correlation = new CorrelationData(id + "/" + UUID.randomUUID());
        try {
            template.convertAndSend("", queue, request, correlation);
            CorrelationData.Confirm confirm = correlation.getFuture().get(CONFIRM_WAIT_MS, TimeUnit.MILLISECONDS);
            if (!confirm.ack()) {
                log.warn("The broker refused partition request {}: {}; it is sent again", id, confirm.reason());
                return false;
            }
            if (correlation.getReturned() != null) {
                log.warn("Partition request {} was returned ({}): no queue {}; it is sent again", id,
                        correlation.getReturned().getReplyText(), queue);
                return false;
            }
            return true;
        } catch (AmqpException | ExecutionException | TimeoutException e) {
            log.warn("Partition request {} not confirmed by the broker ({}); it is sent again", id, e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
