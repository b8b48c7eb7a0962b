package org.openchallenge.security;

import static org.openchallenge.security.CamundaIdentityAuthenticationProvider.GROUP_PREFIX;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.openchallenge.platform.EngineAsSystem;
import org.openchallenge.platform.FormCatalog;
import org.openchallenge.platform.TaskLock;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Who may call what over HTTP. The engine's REST API and the application's API take HTTP Basic against Camunda's
 * users, statelessly (no session cookie, so no CSRF exposure). The Camunda webapps keep their own login, session
 * and CSRF protection.
 */
@Configuration
public class SecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
                                  IdentityService identity) throws Exception {
    return http
        // By URI: the engine's REST API is a Jersey servlet, outside Spring MVC's path matching.
        .securityMatcher(request -> {
          String path = request.getRequestURI().substring(request.getContextPath().length());
          return path.startsWith("/engine-rest/") || path.equals("/engine-rest") || path.startsWith("/api/");
        })
        .authenticationProvider(provider)
        .httpBasic(Customizer.withDefaults())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .authorizeHttpRequests(a -> a
            // Open data: anyone may read, nobody may write.
            .requestMatchers(HttpMethod.GET, "/api/public/**").permitAll()
            .requestMatchers("/api/public/**").denyAll()
            // The ledger's audit view: everything recorded, for the city's officials and managers.
            .requestMatchers("/api/ledger", "/api/ledger/**")
            .hasAnyAuthority(GROUP_PREFIX + Roles.OFFICIALS, GROUP_PREFIX + Roles.MANAGERS,
                GROUP_PREFIX + Roles.ADMINISTRATORS)
            .requestMatchers(HttpMethod.POST, "/api/cases/*/cancellation")
            .hasAnyAuthority(GROUP_PREFIX + Roles.OFFICIALS, GROUP_PREFIX + Roles.ADMINISTRATORS)
            .requestMatchers("/api/cases/**")
            .hasAnyAuthority(GROUP_PREFIX + Roles.OFFICIALS, GROUP_PREFIX + Roles.MANAGERS,
                GROUP_PREFIX + Roles.ANALYSTS, GROUP_PREFIX + Roles.ADMINISTRATORS)
            // Reading a submission: its provider, officials, the case's jury (checked further by the controller).
            .requestMatchers(HttpMethod.GET, "/api/challenges/*/submissions/*")
            .hasAnyAuthority(GROUP_PREFIX + Roles.PROVIDERS, GROUP_PREFIX + Roles.OFFICIALS,
                GROUP_PREFIX + Roles.JURORS, GROUP_PREFIX + Roles.ADMINISTRATORS)
            .requestMatchers("/api/challenges/*/submissions/**").hasAuthority(GROUP_PREFIX + Roles.PROVIDERS)
            .anyRequest().authenticated())
        .addFilterAfter(new EngineAuthenticationFilter(identity), BasicAuthenticationFilter.class)
        .build();
  }

  /**
   * What each role may do through the engine's API, after Spring Security has authenticated the caller and before
   * the engine's REST resources (both {@code /engine-rest} and the webapps' {@code /camunda/api}) see the request.
   */
  @Bean
  FilterRegistrationBean<EngineApiGuard> engineApiGuard(FormCatalog forms, EngineAsSystem system, TaskService tasks,
      IdentityService identity, HistoryService history, RepositoryService repository, RuntimeService runtime, ManagementService management,
      ApplicationEventPublisher events, PlatformTransactionManager transactions,
      TaskLock taskLock) {
    FilterRegistrationBean<EngineApiGuard> registration = new FilterRegistrationBean<>(new EngineApiGuard(forms,
        system, tasks, identity, history, repository, runtime, management, events, transactions, taskLock));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
    return registration;
  }

  /** The webapps (Tasklist, Cockpit, Admin) authenticate and protect against CSRF themselves. */
  @Bean
  @Order(2)
  SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
    return http
        .securityMatcher("/**")
        .csrf(c -> c.disable())
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .build();
  }
}
