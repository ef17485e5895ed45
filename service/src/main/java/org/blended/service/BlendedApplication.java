package org.blended.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication(scanBasePackages = "org.blended")
public class BlendedApplication {

    public static void main(String[] args) {
        SpringApplication.run(BlendedApplication.class, args);
    }
}
