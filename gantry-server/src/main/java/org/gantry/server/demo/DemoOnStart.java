package org.gantry.server.demo;

import org.gantry.server.identity.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** With --demo or GANTRY_DEMO=true, makes sure the demo project exists once the first admin does. */
@Component
@Order(2)
class DemoOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOnStart.class);

    private final boolean enabled;
    private final UserService users;
    private final DemoProject demo;

    DemoOnStart(@Value("${gantry.demo:false}") boolean enabled, UserService users, DemoProject demo) {
        this.enabled = enabled;
        this.users = users;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            users.firstAdmin().ifPresent(admin -> {
                try {
                    var project = demo.create(admin);
                    log.info("Demo project {} \"{}\" is ready.", project.key(), project.name());
                } catch (RuntimeException e) {
                    log.error("Could not create the demo project; Gantry runs without it.", e);
                }
            });
        }
    }
}
