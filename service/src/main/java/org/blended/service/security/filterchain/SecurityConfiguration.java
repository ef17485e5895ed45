package org.blended.service.security.filterchain;

import org.blended.service.security.ApiKeyAuthenticationFilter;
import org.blended.service.security.ApiKeys;
import org.blended.service.security.ProblemWriter;
import org.blended.service.security.RateLimitFilter;
import org.blended.service.security.RefusedRequests;
import org.blended.service.security.Role;
import org.blended.service.security.SecurityProperties;
import org.blended.service.security.body.RequestSizeLimitFilter;
import org.blended.service.security.signin.SignInAttempts;
import org.blended.service.security.signin.SignInLockoutCheck;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import javax.sql.DataSource;

import org.blended.service.database.DatabaseProbe;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Closed by default: every endpoint but health needs a caller. Two chains: the API, stateless,
 * authenticated by API key (no cookies, so no CSRF); the pages, with a session from a form login
 * (or OIDC when configured), CSRF protection and strict headers.
 */
@Configuration
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    private static final String LENDER = Role.LENDER.name();
    private static final String ADMIN = Role.ADMIN.name();
    private static final String POLICY_OWNER = Role.POLICY_OWNER.name();
    /**
     * A rule author is a policy owner who may also change code: an API key holds one role, and a
     * rule author must validate and what-if the code they upload, so the role includes the policy
     * owner's abilities rather than sitting beside them. Which uploads need it is decided by
     * RuleSets.upload; publishing still goes through validation and, when required, a second person.
     */
    private static final String[] RULE_SET_EDITORS = {POLICY_OWNER, Role.RULE_AUTHOR.name()};
    /** A lender's staff on the pages; which lender each belongs to is checked by the review features. */
    private static final String[] OFFICERS = {Role.OFFICER.name(), Role.SENIOR_OFFICER.name()};
    /** Who learns from overrides: officers (their lender's) and policy owners (every lender's). */
    private static final String[] OVERRIDE_READERS = {Role.OFFICER.name(), Role.SENIOR_OFFICER.name(), POLICY_OWNER,
            Role.RULE_AUTHOR.name()};
    /** Who reads a lender's portfolio on the pages: its officers (their lender's) and admins (every lender's). */
    private static final String[] PORTFOLIO_READERS = {Role.OFFICER.name(), Role.SENIOR_OFFICER.name(), ADMIN};

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiKeys apiKeys, ProblemWriter problems, SecurityProperties limits,
                            RequestSizeLimitFilter.PathLimits pathLimits, DatabaseProbe database, RefusedRequests refusals)
            throws Exception {
        return http
                .securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new RequestSizeLimitFilter(limits.maxRequestBytes(), pathLimits, problems, refusals),
                        AnonymousAuthenticationFilter.class)
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, problems, database), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(limits.requestsPerMinute(), problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/admin/**", "/api/v1/audit/**").hasRole(ADMIN)
                        .requestMatchers("/api/v1/applications/**", "/api/v1/applications").hasRole(LENDER)
                        .requestMatchers("/api/v1/rejections/**", "/api/v1/rejections").hasRole(LENDER)
                        .requestMatchers("/api/v1/batches/**", "/api/v1/batches").hasRole(LENDER)
                        .requestMatchers("/api/v1/measure-values").hasRole(LENDER)
                        .requestMatchers("/api/v1/reports/overrides").hasAnyRole(LENDER, POLICY_OWNER, Role.RULE_AUTHOR.name())
                        .requestMatchers("/api/v1/portfolio/**").hasAnyRole(LENDER, ADMIN)
                        .requestMatchers("/api/v1/rule-sets/**", "/api/v1/rule-sets", "/api/v1/what-if/**").hasAnyRole(RULE_SET_EDITORS)
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> problems.write(request, response,
                                HttpStatus.UNAUTHORIZED, "Authentication required",
                                "Send your API key in the X-API-Key header."))
                        .accessDeniedHandler((request, response, ex) -> problems.write(request, response,
                                HttpStatus.FORBIDDEN, "Not allowed", "Your role does not allow this request.")))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, ApiKeys apiKeys, ProblemWriter problems,
                              ObjectProvider<ClientRegistrationRepository> oidc, SignInAttempts signInAttempts,
                              Clock clock, DatabaseProbe database) throws Exception {
        http
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, problems, database), AnonymousAuthenticationFilter.class)
                // Asked before the password is checked (by the manager built from people below): a lockout stops it.
                .authenticationProvider(new SignInLockoutCheck(signInAttempts, clock))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // Metrics and build info are platform-wide: not for a lender's key.
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(ADMIN)
                        .requestMatchers("/login", "/error", "/assessment/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/favicon.ico", "/webjars/**", "/css/**", "/js/**").permitAll()
                        .requestMatchers("/policy/**", "/policy").hasAnyRole(RULE_SET_EDITORS)
                        .requestMatchers("/officer/reports/**").hasAnyRole(OVERRIDE_READERS)
                        .requestMatchers("/officer/portfolio/**", "/officer/portfolio").hasAnyRole(PORTFOLIO_READERS)
                        .requestMatchers("/officer/**", "/officer").hasAnyRole(OFFICERS)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login")) // our page: it says why a locked sign-in is refused
                .logout(Customizer.withDefaults())
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                // Machines (JSON, scrapers) get 401; browsers are sent to the sign-in page.
                .exceptionHandling(e -> e
                        .defaultAccessDeniedHandlerFor((request, response, ex) -> problems.write(request, response,
                                HttpStatus.FORBIDDEN, "Not allowed", "Only administrators may read this endpoint."),
                                EndpointRequest.toAnyEndpoint())
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), browsers())
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                request -> true));
        if (oidc.getIfAvailable() != null) {
            http.oauth2Login(Customizer.withDefaults());
        }
        return http.build();
    }

    /** Requests that ask for HTML explicitly; a client that accepts anything is not taken for a browser. */
    private static MediaTypeRequestMatcher browsers() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(org.springframework.http.MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(org.springframework.http.MediaType.ALL));
        return html;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** People signing in to the pages, in Spring Security's own tables (see the V2 migration). */
    @Bean
    JdbcUserDetailsManager people(DataSource dataSource) {
        return new JdbcUserDetailsManager(dataSource);
    }

    /** Maps the roles an OIDC provider asserts (claim configurable) to ours; LENDER is for API keys only. */
    @Bean
    GrantedAuthoritiesMapper oidcRoles(SecurityProperties properties) {
        return (Collection<? extends GrantedAuthority> authorities) -> {
            Set<GrantedAuthority> mapped = new HashSet<>();
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidcUser
                        && oidcUser.getAttributes().get(properties.oidcRoleClaim()) instanceof Collection<?> roles) {
                    for (Object role : roles) {
                        if (Role.POLICY_OWNER.name().equals(role) || Role.RULE_AUTHOR.name().equals(role)
                                || Role.ADMIN.name().equals(role)) {
                            mapped.add(new SimpleGrantedAuthority("ROLE_" + role));
                        }
                    }
                }
            }
            return mapped;
        };
    }
}
