package org.gantry.server.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.gantry.server.identity.CurrentUser;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // The signed-in caller is resolved from the session or token (CurrentUserArgumentResolver), never
        // sent by the client: keep it out of every operation's parameters.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }

    @Bean
    OpenAPI gantryApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Gantry API")
                        .version("v1")
                        .description("Projects, work breakdown, dependencies and members. Authenticate with"
                                + " `Authorization: Bearer <token>` (get one from POST /api/v1/auth/tokens) or the browser"
                                + " session (then send the CSRF token in X-CSRF-TOKEN). Updates carry the `version` last"
                                + " read; a stale one answers 409 with the current row in `current`. Errors are RFC 9457"
                                + " problem details; 400s list `errors: [{field, message}]`."))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
