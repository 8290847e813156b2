package org.gantry.server.signals;

import org.gantry.server.shared.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The delivery path {@code /api/v1/hooks/**} alone: git hosts have no session, no CSRF token and no Gantry
 * account, so it is open to anyone and stateless (no session is read or made, a bearer token means
 * nothing here); {@link HookEndpoint} checks each delivery's signature instead. Every other path keeps
 * the chains of {@code identity.SecurityConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class HookSecurity {

    @Bean
    @Order(-1)
    SecurityFilterChain hookChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/v1/hooks/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.requireExplicitSave(true))
                .anonymous(anonymous -> anonymous.disable())
                .exceptionHandling(handling -> handling.authenticationEntryPoint((request, response, e) ->
                        ProblemResponses.write(response, 401, "Unauthorized", "The delivery was refused.")));
        return http.build();
    }
}
