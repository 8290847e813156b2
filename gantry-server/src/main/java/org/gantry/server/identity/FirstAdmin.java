package org.gantry.server.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On the first start (no users yet) creates the system admin: from GANTRY_ADMIN_EMAIL and
 * GANTRY_ADMIN_PASSWORD, or with a generated one-time password printed once to the log.
 */
@Component
@Order(1)
class FirstAdmin implements ApplicationRunner {

    static final String DEFAULT_EMAIL = "admin@gantry.local";
    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final UserService users;
    private final String email;
    private final String password;

    FirstAdmin(
            UserService users,
            @Value("${gantry.admin.email:}") String email,
            @Value("${gantry.admin.password:}") String password) {
        this.users = users;
        this.email = email.strip();
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.anyUserExists()) {
            return;
        }
        String adminEmail = email.isEmpty() ? DEFAULT_EMAIL : email;
        if (!password.isEmpty()) {
            users.createAdmin(adminEmail, "Administrator", password, false);
            log.info("Created the first admin {} with the password from GANTRY_ADMIN_PASSWORD.", adminEmail);
            return;
        }
        String oneTime = UserService.oneTimePassword();
        users.createAdmin(adminEmail, "Administrator", oneTime, true);
        log.warn(
                "\n\n    First start: created the admin {} with the one-time password {}\n"
                        + "    It is shown only this once. Log in and change it (POST /api/v1/me/password).\n",
                adminEmail,
                oneTime);
    }
}
