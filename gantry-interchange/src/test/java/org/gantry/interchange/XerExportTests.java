package org.gantry.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mpxj.ProjectFile;
import org.mpxj.reader.UniversalProjectReader;

class XerExportTests {

    @Test
    void aPlanWrittenAsXerReadsBackWithItsActivitiesLinksAndResources() throws Exception {
        byte[] xer = XerExport.bytes(Plans.relaunch());

        assertThat(new String(xer, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("ERMHD");
        ProjectFile file = new UniversalProjectReader().read(new ByteArrayInputStream(xer));
        Plan back = PlanReader.fromProjectFile(file, null);
        assertThat(back.tasks()).extracting(PlanTask::name).contains("Wireframes", "Review", "Sign-off");
        assertThat(back.links()).hasSize(3);
        assertThat(back.resources()).extracting(PlanResource::name).containsExactly("Alice Martin");
        assertThat(back.assignments()).hasSize(2);
    }
}
