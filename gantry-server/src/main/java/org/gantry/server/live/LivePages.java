package org.gantry.server.live;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The pages that update live learn the project's change number before their controller reads the data
 * they show (request attribute {@code liveSeq}, rendered by {@code fragments/project :: live}): a change
 * that commits while the page is being built then counts as unseen, and the page refetches once its stream
 * is open, instead of missing it.
 */
@Configuration(proxyBeanMethods = false)
class LivePages implements WebMvcConfigurer {

    static final String SEQUENCE = "liveSeq";

    private final LiveUpdates live;

    LivePages(LiveUpdates live) {
        this.live = live;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        if (live.isEnabled()
                                && "GET".equals(request.getMethod())
                                && request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
                                        instanceof Map<?, ?> variables
                                && variables.get("key") instanceof String key) {
                            request.setAttribute(SEQUENCE, live.sequenceOf(key));
                        }
                        return true;
                    }
                })
                .addPathPatterns(
                        "/projects/*",
                        "/projects/*/list",
                        "/projects/*/gantt",
                        "/projects/*/calendar",
                        "/projects/*/resources",
                        "/projects/*/workload",
                        "/projects/*/tasks/*/assignments",
                        "/projects/*/board",
                        "/projects/*/risks",
                        "/projects/*/raid",
                        "/projects/*/raid/*",
                        "/projects/*/backlog",
                        "/projects/*/changes",
                        "/projects/*/share-links",
                        "/projects/*/timesheets",
                        "/projects/*/expenses",
                        "/projects/*/integrations",
                        "/projects/*/integrations/outgoing/*");
    }
}
