package org.gantry.server.interchange;

import jakarta.servlet.MultipartConfigElement;
import org.gantry.interchange.ArchiveLimits;
import org.gantry.interchange.PlanReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * What an upload may be: its size as sent (Spring's default of 1 MB is too small for a large .mpp; above
 * it Tomcat stops reading and the answer is 413), and, for archives, what it may unpack to (an .xlsx, or
 * a zip MPXJ would unpack), checked before any reader sees it. Files above 1 MB are buffered on disk
 * rather than in memory, and deleted when the request ends.
 */
@Configuration(proxyBeanMethods = false)
class UploadConfiguration {
    @Bean
    MultipartConfigElement multipartConfigElement(@Value("${gantry.upload.max-size:100MB}") DataSize maximum) {
        long bytes = Math.min(maximum.toBytes(), PlanReader.MAXIMUM_BYTES);
        return new MultipartConfigElement("", bytes, bytes + 1024 * 1024, 1024 * 1024);
    }

    @Bean
    ArchiveLimits archiveLimits(
            @Value("${gantry.upload.max-expanded-size:256MB}") DataSize expanded,
            @Value("${gantry.upload.max-entries:1000}") int entries,
            @Value("${gantry.upload.max-depth:10}") int depth) {
        return new ArchiveLimits(expanded.toBytes(), entries, depth);
    }
}
