package org.blended.service.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI blendedOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Blended")
                .version("v1")
                .description("Social finance assessment: applications are assessed by a Drools rule base on "
                        + "social value and financial criteria side by side; every decision carries its reasons. "
                        + "Errors are application/problem+json; an invalid application lists every offending "
                        + "field in `errors`.")
                .license(new License().name("Apache-2.0")));
    }
}
