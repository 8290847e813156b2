package org.gantry.server.identity;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    private final SignIns signIns;
    private final OidcProvider provider;
    private final SignInSettings settings;

    LoginController(SignIns signIns, OidcProvider provider, SignInSettings settings) {
        this.signIns = signIns;
        this.provider = provider;
        this.settings = settings;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("ssoName", provider.configured() ? provider.name() : null);
        model.addAttribute("ssoOnly", settings.ssoOnly());
        return "login";
    }

    /** The second step for accounts with two-factor sign-in, after the password was accepted. */
    @GetMapping("/login/code")
    String code(HttpServletRequest request, Model model) {
        Optional<String> email = signIns.waitingFor(request);
        if (email.isEmpty()) {
            return "redirect:/login?codeExpired";
        }
        model.addAttribute("email", email.get());
        return "login-code";
    }

    @PostMapping("/login/code")
    void enterCode(
            @RequestParam(required = false) String code, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        switch (signIns.codeEntered(request, response, code)) {
            case SIGNED_IN -> {}
            case WRONG_CODE -> response.sendRedirect(request.getContextPath() + "/login/code?error");
            case LOCKED -> response.sendRedirect(request.getContextPath() + "/login?locked");
            case EXPIRED -> response.sendRedirect(request.getContextPath() + "/login?codeExpired");
        }
    }
}
