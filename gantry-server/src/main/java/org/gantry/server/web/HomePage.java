package org.gantry.server.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** After login people land on {@code /}; their work starts at the project list. */
@Controller
class HomePage {

    @GetMapping("/")
    String home() {
        return "redirect:/projects";
    }
}
