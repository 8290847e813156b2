package org.gantry.server.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gantry.server.demo.DemoProject;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Project;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Administration")
@RestController
@RequestMapping("/api/v1/admin")
class AdminApi {

    private final DemoProject demo;

    AdminApi(DemoProject demo) {
        this.demo = demo;
    }

    @Operation(summary = "Create the demo project DEMO (once; later calls return it)")
    @PostMapping("/demo")
    Project demo(CurrentUser user) {
        return demo.create(user);
    }
}
