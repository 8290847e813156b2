package org.gantry.server.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.gantry.server.demo.DemoProject;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.identity.LoginLock;
import org.gantry.server.identity.LoginLocks;
import org.gantry.server.project.Project;
import org.gantry.server.shared.GantryApi;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

@Tag(name = "Administration")
@GantryApi
@RequestMapping("/api/v1/admin")
class AdminApi {

    private final DemoProject demo;
    private final LoginLocks loginLocks;

    AdminApi(DemoProject demo, LoginLocks loginLocks) {
        this.demo = demo;
        this.loginLocks = loginLocks;
    }

    @Operation(summary = "Create the demo project DEMO (once; later calls return it)")
    @PostMapping("/demo")
    Project demo(CurrentUser user) {
        return demo.create(user);
    }

    @Operation(summary = "Login lockouts in force (accounts and client addresses; system admins)")
    @GetMapping("/login-locks")
    List<LoginLock> loginLocks(CurrentUser user) {
        return loginLocks.list(user);
    }

    @Operation(summary = "End a login lockout now (system admins); its owner may log in at once")
    @DeleteMapping("/login-locks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clearLoginLock(CurrentUser user, @PathVariable long id) {
        loginLocks.clear(user, id);
    }
}
