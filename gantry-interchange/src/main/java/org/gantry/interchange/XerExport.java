package org.gantry.interchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.mpxj.primavera.PrimaveraXERFileWriter;

/** Writes a plan as a Primavera P6 XER file (Import in P6 Professional and EPPM). */
public final class XerExport {
    private XerExport() {}

    public static void write(Plan plan, OutputStream out) throws IOException {
        new PrimaveraXERFileWriter().write(ProjectFileExport.toProjectFile(plan), out);
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
