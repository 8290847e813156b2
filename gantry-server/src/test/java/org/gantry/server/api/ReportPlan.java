package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.time.LocalDate;
import java.util.List;
import org.gantry.server.api.ApiClient.Response;

/**
 * The scripted plan the report tests share, worked out by hand. The project starts Monday 2 March 2026
 * (Mon-Fri, 8:00-12:00 and 13:00-17:00):
 *
 * <pre>
 * 1     Phase A            summary
 * 1.1     Design   2d      owner                     -> 1.2.1
 * 1.2     Build            summary
 * 1.2.1     Code   3d      owner and pat             -> 2
 * 1.2.2     Docs   1d      pat, 100 % done           -> 2
 * 2     Launch             milestone
 * 3     Extra      1d      added after the baseline, 100 % done
 * </pre>
 *
 * Baseline 0 is set with Design Mon 2-Tue 3, Code Wed 4-Fri 6, Launch Fri 6 17:00. Then Design may not start
 * before Wed 4 March: Design runs Wed 4-Thu 5 (50 % done), Code Fri 6-Tue 10, Launch Tue 10 17:00, two working
 * days later than the baseline. Design, Code and Launch are critical; Docs and Extra are finished.
 */
record ReportPlan(
        TestUser owner,
        TestUser pat,
        String key,
        long phase,
        long design,
        long build,
        long code,
        long docs,
        long launch,
        long extra) {

    String path() {
        return "/api/v1/projects/" + key;
    }

    ApiClient api() {
        return owner.api();
    }

    static ReportPlan scripted(ApiIntegrationTest test, String label) {
        TestUser owner = test.newUser(label + "owner");
        TestUser pat = test.newUser(label + "pat");
        String key = ApiIntegrationTest.newProjectStarting(owner.api(), "Reports " + label, LocalDate.of(2026, 3, 2));
        ApiIntegrationTest.addMember(owner.api(), key, pat, "MEMBER");
        long phase = task(owner, key, json("name", "Phase A"));
        long design = task(
                owner,
                key,
                json("name", "Design", "duration", "2d", "parentId", phase, "assigneeIds", List.of(owner.id())));
        long build = task(owner, key, json("name", "Build", "parentId", phase));
        long code = task(
                owner,
                key,
                json(
                        "name",
                        "Code",
                        "duration",
                        "3d",
                        "parentId",
                        build,
                        "assigneeIds",
                        List.of(owner.id(), pat.id())));
        long docs = task(
                owner,
                key,
                json("name", "Docs", "duration", "1d", "parentId", build, "assigneeIds", List.of(pat.id())));
        long launch = task(owner, key, json("name", "Launch", "milestone", true));
        ApiIntegrationTest.link(owner, key, design, code);
        ApiIntegrationTest.link(owner, key, code, launch);
        ApiIntegrationTest.link(owner, key, docs, launch);
        String path = "/api/v1/projects/" + key;
        Response baseline = owner.api().post(path + "/baselines/0", json());
        assertThat(baseline.status()).as(baseline.toString()).isBetween(200, 201);

        String designPath = path + "/tasks/" + design;
        int version = owner.api().get(designPath).body().get("version").asInt();
        Response moved = owner.api()
                .patch(
                        designPath + "/schedule",
                        json(
                                "constraintType",
                                "START_NO_EARLIER_THAN",
                                "constraintDate",
                                "2026-03-04T08:00:00",
                                "version",
                                version));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        DashboardApiIT.progress(owner, key, design, 50);
        DashboardApiIT.progress(owner, key, docs, 100);
        long extra = task(owner, key, json("name", "Extra", "duration", "1d"));
        DashboardApiIT.progress(owner, key, extra, 100);
        ReportPlan plan = new ReportPlan(owner, pat, key, phase, design, build, code, docs, launch, extra);
        assertThat(ApiIntegrationTest.outline(owner.api(), key))
                .containsExactly(
                        "1 Phase A", "1.1 Design", "1.2 Build", "1.2.1 Code", "1.2.2 Docs", "2 Launch", "3 Extra");
        return plan;
    }

    private static long task(TestUser owner, String key, Object body) {
        return ApiIntegrationTest.createTask(owner.api(), key, body).get("id").asLong();
    }
}
