package org.gantry.server.task;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleModule;

/** Registers {@link TaskJson}, the hand-written serializer of the most often listed value. */
@Configuration(proxyBeanMethods = false)
class TaskJsonModule {

    @Bean
    JacksonModule fastTasks() {
        return new SimpleModule("gantry-tasks").addSerializer(Task.class, new TaskJson());
    }
}
