package org.gantry.server.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets controllers (API and pages) declare a {@link CurrentUser} parameter. */
@Configuration(proxyBeanMethods = false)
class CurrentUserArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final SessionUsers sessionUsers;

    CurrentUserArgumentResolver(SessionUsers sessionUsers) {
        this.sessionUsers = sessionUsers;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(CurrentUser.class);
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Object principal = authentication == null ? null : authentication.getPrincipal();
        if (principal instanceof CurrentUser user) {
            return user;
        }
        if (principal instanceof GantryUserDetails details) {
            Object checked = request.getAttribute(AccountStateFilter.CURRENT_USER, NativeWebRequest.SCOPE_REQUEST);
            if (checked instanceof CurrentUser fresh) {
                return fresh;
            }
            return sessionUsers.current(details.user().id()).orElseThrow(() -> {
                HttpSession session =
                        request.getNativeRequest(HttpServletRequest.class).getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
                return new DisabledException("Your account has been deactivated.");
            });
        }
        throw new AuthenticationCredentialsNotFoundException("Not logged in");
    }
}
