package org.gantry.interchange;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.mpxj.ProjectFile;
import org.mpxj.mspdi.MSPDIReader;

/**
 * The round trip: read a file into a plan, write the plan as MSPDI, read that back with MPXJ into a second
 * plan, and compare the two field by field. A pass means an export loses nothing the import kept.
 */
public final class RoundTrip {
    private RoundTrip() {}

    public static List<CheckResult> checkAll(List<Path> files, Consumer<CheckResult> report) {
        List<CheckResult> results = new ArrayList<>();
        for (Path file : files) {
            CheckResult result = check(file);
            report.accept(result);
            results.add(result);
        }
        return results;
    }

    public static CheckResult check(Path path) {
        long began = System.nanoTime();
        Plan imported;
        try {
            imported = PlanReader.readAny(path);
        } catch (ImportFailure e) {
            return CheckResult.unreadable(path, "unreadable: " + e.getMessage());
        }
        int tasks = imported.tasks().size();
        byte[] mspdi;
        try {
            mspdi = MspdiExport.bytes(imported);
        } catch (RuntimeException | LinkageError e) {
            return CheckResult.failed(path, tasks, System.nanoTime() - began, "cannot write MSPDI: " + e, 0);
        }
        Plan readBack;
        try {
            ProjectFile file = new MSPDIReader().read(new ByteArrayInputStream(mspdi));
            readBack = PlanReader.fromProjectFile(file, null);
        } catch (Exception | LinkageError e) {
            return CheckResult.failed(path, tasks, System.nanoTime() - began, "cannot read MSPDI back: " + e, 0);
        }
        List<PlanComparison.Difference> differences = PlanComparison.compare(imported, readBack);
        long nanos = System.nanoTime() - began;
        if (differences.isEmpty()) {
            return CheckResult.passed(path, tasks, nanos);
        }
        return CheckResult.failed(path, tasks, nanos, differences.get(0).describe(), differences.size() - 1);
    }
}
