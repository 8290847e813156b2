package org.gantry.server.board;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.springframework.web.bind.annotation.GetMapping;

@Tag(name = "My work", description = "The caller's unfinished tasks across all their projects")
@GantryApi
class MyWorkApi {

    private final MyWorkService myWork;

    MyWorkApi(MyWorkService myWork) {
        this.myWork = myWork;
    }

    @Operation(
            summary = "Every unfinished task assigned to me, across my projects, in four groups",
            description = "overdue (finish date before today), dueThisWeek (finish from today to Sunday), inProgress"
                    + " (an in-progress status, due later or undated), open (the rest not done); each task names its"
                    + " project, WBS, status and finish and links to itself in its project's list. Archived"
                    + " projects are left out; today is the project's day in its time zone.")
    @GetMapping("/api/v1/my-work")
    MyWork myWork(CurrentUser user) {
        return myWork.myWork(user);
    }
}
