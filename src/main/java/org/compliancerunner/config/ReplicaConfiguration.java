package org.compliancerunner.config;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.Advisor;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.interceptor.RuleBasedTransactionAttribute;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's reads from a streaming replica, when {@code compliance.datasource.replica.url} is set: every
 * {@code @GetMapping} of a REST controller runs in a read-only transaction, which {@link ReplicaRouting} sends to the
 * replica; every other request, and everything a sweep or a CLI command does, stays on the primary. A handler whose
 * replica connection was lost runs once more, on the primary.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ReplicaUrlSet.class)
class ReplicaConfiguration {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    static ReplicaRouting replicaRouting(Environment environment) {
        return new ReplicaRouting(environment);
    }

    @Bean
    ReplicaReads replicaReads(ReplicaProperties properties,
                              @Qualifier("transactionManager") PlatformTransactionManager transactions,
                              ReplicaRouting routing) {
        return new ReplicaReads(properties.readYourWrites(), transactions, routing);
    }

    /** Read-only on the replica unless the caller wrote recently; then no transaction, so the primary answers. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor replicaReadAdvisor(BeanFactory beanFactory, ObjectProvider<ReplicaReads> reads) {
        RuleBasedTransactionAttribute readOnly = new RuleBasedTransactionAttribute();
        readOnly.setReadOnly(true);
        TransactionInterceptor interceptor = new TransactionInterceptor();
        // looked up at the first call, so that this early bean does not build the data source before its time
        interceptor.setBeanFactory(beanFactory);
        interceptor.setTransactionManagerBeanName("transactionManager");
        interceptor.setTransactionAttributeSource((method, targetClass) ->
                reads.getObject().mayReadReplica(ReplicaReads.currentCaller()) ? readOnly : null);
        MethodInterceptor withFallback = invocation -> {
            // a clone made before the first run can run the handler again
            MethodInvocation again = ((ProxyMethodInvocation) invocation).invocableClone();
            boolean[] first = {true};
            return reads.getObject().withFallback(() -> {
                MethodInvocation attempt = first[0] ? invocation : again;
                first[0] = false;
                return interceptor.invoke(attempt);
            });
        };
        return new DefaultPointcutAdvisor(new AnnotationMatchingPointcut(RestController.class, GetMapping.class, true),
                withFallback);
    }

    /** Remembers who wrote, once their request is done, for read-your-writes. */
    @Bean
    OncePerRequestFilter replicaRecentWrites(ReplicaReads reads) {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return SAFE_METHODS.contains(request.getMethod());
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try {
                    chain.doFilter(request, response);
                } finally {
                    String caller = ReplicaReads.currentCaller();
                    if (caller != null) {
                        reads.wrote(caller);
                    }
                }
            }
        };
    }

    @Bean("replica")
    ReplicaHealth replicaHealth(ReplicaRouting routing) {
        return new ReplicaHealth(routing);
    }
}
