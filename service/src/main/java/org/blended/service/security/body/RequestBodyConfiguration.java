package org.blended.service.security.body;

import org.blended.service.security.ApiKeys;
import org.blended.service.security.ProblemWriter;
import org.blended.service.security.RefusedRequests;
import org.blended.service.security.SecurityProperties;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Request bodies are received in full, without a waiting thread, before anything else sees the request. */
@Configuration
@EnableConfigurationProperties({RequestBodyProperties.class, RequestSizeLimitFilter.PathLimits.class})
class RequestBodyConfiguration {

    @Bean
    BodyDeadlines bodyDeadlines() {
        return new BodyDeadlines();
    }

    @Bean
    FilterRegistrationBean<RequestBodyFilter> requestBodyFilter(RequestBodyProperties properties, SecurityProperties limits,
                                                                RequestSizeLimitFilter.PathLimits pathLimits,
                                                                ProblemWriter problems,
                                                                ObjectProvider<MultipartConfigElement> multipart,
                                                                ServerProperties server, BodyDeadlines deadlines,
                                                                ApiKeys keys, RefusedRequests refused) {
        ServerProperties.Tomcat tomcat = server.getTomcat();
        MultipartConfigElement uploads = multipart.getIfAvailable();
        BodyRefusals refusals = new BodyRefusals(
                new RequestSizeLimitFilter(limits.maxRequestBytes(), pathLimits, problems, refused), uploads,
                limits.maxRequestBytes(), problems, properties);
        RequestBodyFilter filter = new RequestBodyFilter(refusals,
                new BodyParameters(tomcat.getMaxParameterCount(), tomcat.getMaxHttpFormPostSize().toBytes()),
                new MultipartParts(uploads, tomcat.getMaxPartCount(), (int) tomcat.getMaxPartHeaderSize().toBytes()),
                deadlines, new BodyBudget(properties.maxBuffered().toBytes()), properties, new BodyCallers(keys));
        FilterRegistrationBean<RequestBodyFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setAsyncSupported(true);
        // Not on the dispatch it makes itself: that one carries the received body already.
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
