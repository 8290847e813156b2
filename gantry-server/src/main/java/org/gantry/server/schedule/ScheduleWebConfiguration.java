package org.gantry.server.schedule;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class ScheduleWebConfiguration implements WebMvcConfigurer {

    private final RescheduleReport report;

    ScheduleWebConfiguration(RescheduleReport report) {
        this.report = report;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(report).addPathPatterns("/api/**");
    }
}
