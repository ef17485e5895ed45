package org.blended.service;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock of the service: the date an application is assessed on is taken in this zone. */
@Configuration
class TimeConfiguration {

    @Bean
    Clock clock(@Value("${blended.time-zone:Europe/London}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
