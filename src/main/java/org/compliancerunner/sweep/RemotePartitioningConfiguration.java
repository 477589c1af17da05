package org.compliancerunner.sweep;

import javax.sql.DataSource;

import org.compliancerunner.catalog.ClaimedVideo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.integration.partition.RemotePartitioningWorkerStepBuilder;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.inbound.AmqpInboundChannelAdapter;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.Message;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sweep's analyze step scaled out ({@code compliance.partitioning=remote}): the manager side sends one JSON
 * request per partition to a durable RabbitMQ queue and watches the partitions in the job repository, sending again
 * what was lost ({@link RemotePartitionHandler}); the worker
 * side ({@code worker} command) takes one request at a time and acknowledges it only when the partition's step has
 * ended, so a worker that dies leaves its request to be redelivered to another worker, which resumes the partition.
 */
@Configuration(proxyBeanMethods = false)
@EnableIntegration
@ConditionalOnProperty(name = "compliance.partitioning", havingValue = "remote")
class RemotePartitioningConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RemotePartitioningConfiguration.class);

    // ---- queues

    @Bean
    Queue partitionRequestQueue(RemoteProperties remote) {
        return QueueBuilder.durable(remote.requests())
                .deadLetterExchange("")
                .deadLetterRoutingKey(remote.deadLetters())
                .build();
    }

    @Bean
    Queue partitionDeadLetterQueue(RemoteProperties remote) {
        return QueueBuilder.durable(remote.deadLetters()).build();
    }

    @Bean
    PartitionRequestConverter partitionRequestConverter(JsonMapper json) {
        return new PartitionRequestConverter(json);
    }

    // ---- manager side

    @Bean
    PartitionRequests partitionRequests(CachingConnectionFactory connections, PartitionRequestConverter converter,
                                        RemoteProperties remote) {
        return new PartitionRequests(connections, converter, remote);
    }

    @Bean
    Step analyzeStep(JobRepository repository, SweepPartitioner sweepPartitioner, PartitionRequests partitionRequests,
                     PartitionLease lease, JdbcClient jdbc, RemoteProperties remote) {
        return new StepBuilder("analyze", repository)
                .partitioner(SweepJobConfiguration.WORKER_STEP, sweepPartitioner)
                .partitionHandler(new RemotePartitionHandler(repository, sweepPartitioner, partitionRequests, lease,
                        jdbc, remote))
                .build();
    }

    // ---- worker side

    @Bean
    SimpleMessageListenerContainer partitionListener(CachingConnectionFactory connections, RemoteProperties remote,
                                                     DataSource dataSource) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
        container.setQueueNames(remote.requests());
        container.setPrefetchCount(1);
        // AUTO acknowledges when the listener returns, and the listener runs the whole partition step
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        // a request that cannot be run at all goes to the dead-letter queue instead of looping
        container.setDefaultRequeueRejected(false);
        container.setConcurrentConsumers(ConnectionBudget.partitions(remote.consumers(), dataSource));
        container.setShutdownTimeout(1000);
        container.setAutoStartup(false);
        container.setPhase(WorkerDrain.PHASE - 1); // stops after the drain has handed the partition back
        return container;
    }

    @Bean
    DirectChannel partitionInbox() {
        return new DirectChannel();
    }

    @Bean
    DirectChannel partitionWork() {
        return new DirectChannel();
    }

    /** Started by the {@code worker} command only: other processes of a remote setup never consume requests. */
    @Bean
    AmqpInboundChannelAdapter partitionRequestsFromRabbit(SimpleMessageListenerContainer partitionListener,
                                                          DirectChannel partitionInbox, PartitionRequestConverter converter) {
        AmqpInboundChannelAdapter adapter = new AmqpInboundChannelAdapter(partitionListener);
        adapter.setMessageConverter(converter);
        adapter.setOutputChannel(partitionInbox);
        adapter.setAutoStartup(false);
        adapter.setPhase(WorkerDrain.PHASE - 1);
        return adapter;
    }

    @Bean
    WorkerDrain workerDrain(PartitionLease lease, CachingConnectionFactory connections, RemoteProperties remote) {
        return new WorkerDrain(lease, connections, remote);
    }

    @Bean
    IntegrationFlow partitionAdmission(DirectChannel partitionInbox, DirectChannel partitionWork, JobRepository repository,
                                       PartitionLease lease, WorkerDrain drain, RemoteProperties remote) {
        return IntegrationFlow.from(partitionInbox)
                .filter(Message.class, message -> mayRun((StepExecutionRequest) message.getPayload(), repository,
                        lease, drain, remote), filter -> filter.discardChannel("nullChannel"))
                .channel(partitionWork)
                .get();
    }

    /**
     * Whether this worker should run a delivered request. A request comes again after its worker's connection
     * dropped, or twice when the sweep sent it again; while a live worker holds the partition's lease it finishes it,
     * so this one waits, and runs the partition only once it has taken the lease itself. A partition that has already
     * ended is acknowledged and dropped.
     */
    static boolean mayRun(StepExecutionRequest request, JobRepository repository, PartitionLease lease,
                          WorkerDrain drain, RemoteProperties remote) {
        long id = request.getStepExecutionId();
        while (true) {
            drain.admit(id);
            StepExecution step = repository.getStepExecution(id);
            if (step == null || !step.getStatus().isRunning()) {
                log.info("Partition request {} dropped: the step execution {}", id,
                        step == null ? "does not exist" : "has already ended " + step.getStatus());
                return false;
            }
            if (lease.claim(id)) {
                return true;
            }
            try {
                Thread.sleep(remote.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while partition " + id + " is held by another worker", e);
            }
        }
    }

    @Bean({"analyzeWorkerStep", SweepJobConfiguration.WORKER_STEP})
    Step analyzeWorkerStep(JobRepository repository,
                           @Qualifier("transactionManager") PlatformTransactionManager transactions,
                           SweepProperties properties, KeysetReader<ClaimedVideo> claimedVideoReader,
                           VideoInspectionProcessor videoInspectionProcessor, VideoOutcomeWriter videoOutcomeWriter,
                           DirectChannel partitionWork, PartitionLease lease, WorkerDrain drain, BeanFactory beanFactory) {
        RemotePartitioningWorkerStepBuilder builder = new RemotePartitioningWorkerStepBuilder(
                SweepJobConfiguration.WORKER_STEP, repository)
                .inputChannel(partitionWork)
                .beanFactory(beanFactory);
        return SweepJobConfiguration.analyzeChunks(builder, transactions, properties, claimedVideoReader,
                        videoInspectionProcessor, videoOutcomeWriter)
                .listener(lease)
                .listener(drain)
                .build();
    }
}
