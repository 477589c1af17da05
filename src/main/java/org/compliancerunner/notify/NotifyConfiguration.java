package org.compliancerunner.notify;

import java.time.Clock;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSender;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/** The outbox, its dispatcher, and the background schedule when {@code compliance.notify.dispatcher.enabled}. */
@Configuration(proxyBeanMethods = false)
class NotifyConfiguration {

    @Bean
    EventBodies notifyEventBodies(JsonMapper mapper) {
        return new EventBodies(mapper);
    }

    @Bean
    Channels notifyChannels(NotifyProperties properties, ObjectProvider<MailSender> mail, EventBodies bodies) {
        return Channels.configured(properties, Optional.ofNullable(mail.getIfAvailable()), bodies,
                Clock.systemUTC());
    }

    @Bean
    Outbox outbox(JdbcClient jdbc, Channels channels, EventBodies bodies) {
        return new Outbox(jdbc, channels, bodies, Clock.systemUTC());
    }

    @Bean
    OutboxDispatcher outboxDispatcher(JdbcClient jdbc,
                                      @Qualifier("transactionManager") PlatformTransactionManager transactions,
                                      Channels channels, NotifyProperties properties) {
        return new OutboxDispatcher(jdbc, transactions, channels, properties, Clock.systemUTC());
    }

    @Bean
    Deliveries notifyDeliveries(JdbcClient jdbc) {
        return new Deliveries(jdbc);
    }

    @Bean
    @ConditionalOnProperty(name = "compliance.notify.dispatcher.enabled", havingValue = "true")
    DispatchSchedule notifyDispatchSchedule(OutboxDispatcher dispatcher, NotifyProperties properties,
                                            TaskScheduler taskScheduler) {
        return new DispatchSchedule(dispatcher, properties.dispatchInterval(), taskScheduler);
    }
}
