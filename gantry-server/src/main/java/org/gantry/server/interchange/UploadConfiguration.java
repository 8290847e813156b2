package org.gantry.server.interchange;

import jakarta.servlet.MultipartConfigElement;
import org.gantry.interchange.PlanReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Uploads up to the size the importer accepts (Spring's default is 1 MB, too small for a large .mpp);
 * files above 1 MB are buffered on disk rather than in memory.
 */
@Configuration(proxyBeanMethods = false)
class UploadConfiguration {
    @Bean
    MultipartConfigElement multipartConfigElement() {
        long maximum = PlanReader.MAXIMUM_BYTES;
        return new MultipartConfigElement("", maximum, maximum + 1024 * 1024, 1024 * 1024);
    }
}
