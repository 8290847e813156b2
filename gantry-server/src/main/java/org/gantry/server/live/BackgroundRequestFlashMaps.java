package org.gantry.server.live;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Keeps the one-time messages of a redirect ("Health thresholds saved.") for the page the browser
 * navigates to. A page that is open refetches its own address in the background when the project
 * changes (live.js); saving a form changes the project, so the old page's refetch can reach the server
 * between the form's redirect and the browser's request for the new page, and Spring would hand the
 * message to the refetch, whose HTML is only mined for a few regions. Background fetches say so with the
 * header {@value #HEADER}; they neither receive nor consume a waiting message.
 */
@Configuration(proxyBeanMethods = false)
class BackgroundRequestFlashMaps {

    static final String HEADER = "X-Gantry-Background";

    @Bean(name = DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
    FlashMapManager flashMapManager() {
        FlashMapManager session = new SessionFlashMapManager();
        return new FlashMapManager() {
            @Override
            public FlashMap retrieveAndUpdate(HttpServletRequest request, HttpServletResponse response) {
                return request.getHeader(HEADER) != null ? null : session.retrieveAndUpdate(request, response);
            }

            @Override
            public void saveOutputFlashMap(
                    FlashMap flashMap, HttpServletRequest request, HttpServletResponse response) {
                session.saveOutputFlashMap(flashMap, request, response);
            }
        };
    }
}
