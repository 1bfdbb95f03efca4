package uk.gov.placements.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Two chains. The APIs ({@code /api}, {@code /engine-rest}) take HTTP Basic credentials checked
 * against Camunda's identity service, or for {@code /api} the Tasklist's signed-in session
 * ({@link TasklistSessionAuthentication}), and answer 401 without them; the engine then sees the same
 * user, groups and councils, so Camunda authorization and tenant checks apply to every call.
 * The Camunda webapps keep their own session login and CSRF protection.
 */
@Configuration
@EnableWebSecurity
public class SecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, IdentityService identityService, ProcessEngine engine) throws Exception {
        // path matchers, not MVC matchers: /engine-rest is Camunda's Jersey servlet, outside Spring MVC
        http.securityMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/actuator/**")))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/actuator/health")).permitAll()
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/actuator/**")).hasAuthority(Roles.ADMIN)
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .authenticationProvider(new CamundaAuthenticationProvider(identityService))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        // the Tasklist's session is read, never renumbered: the Tasklist keeps using it
                        .sessionFixation(f -> f.none()))
                .addFilterBefore(new TasklistSessionAuthentication(identityService, engine.getName()), BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webappChain(HttpSecurity http) throws Exception {
        // The Camunda webapps authenticate and protect against CSRF themselves (their own filters).
        // The Camunda webapps send their own Content-Security-Policy (nonces and 'strict-dynamic'); a second policy would
        // only narrow it. The product's own pages (register, reports, the API's description) load every script and style
        // from files, so no inline script or eval is allowed there.
        RequestMatcher camundaWebapps = PathPatternRequestMatcher.withDefaults().matcher("/camunda/**");
        http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .headers(h -> h.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(camundaWebapps),
                        new ContentSecurityPolicyHeaderWriter("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'; object-src 'none'"))));
        return http.build();
    }

    /** Requests the firewall refuses (encoded slashes, NUL bytes, ...) get a 400 with a message like every other refusal. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, e) -> {
            response.setStatus(400);
            response.setContentType("application/json");
            response.getWriter().write("{\"status\":400,\"message\":\"The request was refused: its address has characters that are not allowed\",\"errors\":[]}");
        };
    }

    @Bean
    FilterRegistrationBean<AdminSetupGuard> adminSetupGuard(IdentityService identityService) {
        FilterRegistrationBean<AdminSetupGuard> bean = new FilterRegistrationBean<>(new AdminSetupGuard(identityService));
        bean.addUrlPatterns("/camunda/api/admin/setup/*");
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return bean;
    }

    /** After Spring Security (order -100), which has authenticated the caller of /engine-rest. */
    @Bean
    FilterRegistrationBean<EngineRequestGuard> engineRequestGuard(IdentityService identityService, TaskService taskService,
                                                                  RuntimeService runtimeService, RepositoryService repositoryService,
                                                                  FormFields formFields, ProcessEngine engine) {
        FilterRegistrationBean<EngineRequestGuard> bean = new FilterRegistrationBean<>(new EngineRequestGuard(identityService, taskService,
                runtimeService, repositoryService, formFields, (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()));
        bean.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        bean.setOrder(0);
        return bean;
    }

    @Bean
    FilterRegistrationBean<TaskQueryExpressionGuard> taskQueryExpressionGuard() {
        FilterRegistrationBean<TaskQueryExpressionGuard> bean = new FilterRegistrationBean<>(new TaskQueryExpressionGuard());
        bean.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return bean;
    }
}
