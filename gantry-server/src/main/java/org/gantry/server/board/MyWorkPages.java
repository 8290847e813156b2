package org.gantry.server.board;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.task.StatusCategory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The "My work" page: the caller's tasks across projects as a list in the groups of {@link MyWork} and as
 * a small board with a column per status category. People who manage no project land here after login.
 */
@Controller
class MyWorkPages {

    private final MyWorkService myWork;

    MyWorkPages(MyWorkService myWork) {
        this.myWork = myWork;
    }

    /** A column of the small board: the tasks of one status category, in the list's order. */
    public record CategoryColumn(StatusCategory category, String name, List<MyTask> tasks) {}

    /** A group of the list: an id for the page, its heading and its tasks. */
    public record Group(String id, String title, List<MyTask> tasks) {}

    @GetMapping("/my-work")
    String page(CurrentUser user, Model model) {
        MyWork work = myWork.myWork(user);
        List<MyTask> all = Stream.of(work.overdue(), work.dueThisWeek(), work.inProgress(), work.open())
                .flatMap(List::stream)
                .toList();
        List<CategoryColumn> columns = new ArrayList<>();
        columns.add(column(all, StatusCategory.TO_DO, "To do"));
        columns.add(column(all, StatusCategory.IN_PROGRESS, "In progress"));
        model.addAttribute("me", user);
        model.addAttribute("work", work);
        model.addAttribute("columns", columns);
        model.addAttribute(
                "groups",
                List.of(
                        new Group("overdue", "Overdue", work.overdue()),
                        new Group("due-this-week", "Due this week", work.dueThisWeek()),
                        new Group("in-progress", "In progress", work.inProgress()),
                        new Group("open", "Open", work.open())));
        return "board/my-work";
    }

    private static CategoryColumn column(List<MyTask> all, StatusCategory category, String name) {
        return new CategoryColumn(
                category,
                name,
                all.stream().filter(task -> task.category() == category).toList());
    }
}
