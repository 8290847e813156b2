package org.gantry.interchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.mpxj.mspdi.MSPDIWriter;

/**
 * Writes a plan as MSPDI XML, the format Microsoft Project opens with File > Open (Project 2003 and later)
 * and that MPXJ reads back with the same tasks, links, calendars, resources, assignments and baselines.
 */
public final class MspdiExport {
    private MspdiExport() {}

    public static void write(Plan plan, OutputStream out) throws IOException {
        MSPDIWriter writer = new MSPDIWriter();
        // Output Project itself accepts: no MPXJ-only elements.
        writer.setMicrosoftProjectCompatibleOutput(true);
        writer.write(ProjectFileExport.toProjectFile(plan), out);
    }

    public static byte[] bytes(Plan plan) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(plan, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
