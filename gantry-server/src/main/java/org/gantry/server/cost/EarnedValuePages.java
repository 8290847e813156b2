package org.gantry.server.cost;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.FieldProblem;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.web.PageProblems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Earned value page of a project (owners, managers): the figures at a status date against a baseline,
 * the S-curve (PV, AC, EV and the EAC forecast as a dashed line) and a table by WBS.
 */
@Controller
class EarnedValuePages {

    private final EarnedValueService earnedValue;
    private final ProjectService projects;
    private final ExpenseService expenses;
    private final BudgetService budgets;
    private final JdbcClient jdbc;

    EarnedValuePages(
            EarnedValueService earnedValue,
            ProjectService projects,
            ExpenseService expenses,
            BudgetService budgets,
            JdbcClient jdbc) {
        this.earnedValue = earnedValue;
        this.projects = projects;
        this.expenses = expenses;
        this.budgets = budgets;
        this.jdbc = jdbc;
    }

    @GetMapping("/projects/{key}/earned-value")
    String page(
            CurrentUser user,
            @PathVariable String key,
            @RequestParam(required = false) String statusDate,
            @RequestParam(required = false) String baseline,
            @RequestParam(required = false) String by,
            @RequestParam(required = false) Long expense,
            Model model) {
        Project project = projects.get(user, key);
        model.addAttribute("me", user);
        model.addAttribute("project", project);
        model.addAttribute("statusDate", statusDate == null ? "" : statusDate);
        model.addAttribute("baseline", baseline == null ? "0" : baseline);
        model.addAttribute("by", by == null ? "week" : by);
        Map<String, String> errors = new LinkedHashMap<>();
        Integer slot = null;
        if (baseline != null && !baseline.isBlank()) {
            try {
                slot = Integer.valueOf(baseline.strip());
            } catch (NumberFormatException e) {
                errors.put("baseline", "must be a baseline slot from 0 to 10");
            }
        }
        EarnedValueView report = null;
        String notice = null;
        if (errors.isEmpty()) {
            try {
                report = earnedValue.report(user, key, statusDate, slot, by);
            } catch (InvalidInput e) {
                for (FieldProblem problem : e.errors()) {
                    errors.put(problem.field(), problem.message());
                }
            } catch (Conflict e) {
                notice = e.getMessage();
            }
        }
        model.addAttribute("fmt", Amounts.INSTANCE);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        model.addAttribute("report", report);
        if (report != null) {
            model.addAttribute("statusDate", report.statusDate().toString());
            model.addAttribute("curve", curveJson(report));
        }
        if (report != null) {
            List<Expense> all = expenses.list(user, key, null, null, null);
            model.addAttribute("expenses", all);
            model.addAttribute("tasks", ExpenseForm.tasks(jdbc, project.id()));
            if (!model.containsAttribute("expenseForm")) {
                ExpenseForm form = ExpenseForm.empty();
                if (expense != null) {
                    form = ExpenseForm.of(expenses.get(user, key, expense));
                }
                model.addAttribute("expenseForm", form);
            }
            if (!model.containsAttribute("expenseErrors")) {
                model.addAttribute("expenseErrors", Map.of());
            }
            if (!model.containsAttribute("budgetErrors")) {
                model.addAttribute("budgetErrors", Map.of());
            }
            EarnedValueView.BudgetFigures projectBudget = report.budgets().stream()
                    .filter(b -> b.taskId() == null)
                    .findFirst()
                    .orElse(null);
            model.addAttribute("projectBudget", projectBudget);
        }
        return "cost/earned-value";
    }

    /** Adds an expense (no id) or changes one (id and version), then shows the page again. */
    @PostMapping({"/projects/{key}/earned-value/expenses", "/projects/{key}/earned-value/expenses/{id}"})
    String saveExpense(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable(required = false) Long id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String amount,
            @RequestParam(required = false) String taskId,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        ExpenseForm form = ExpenseForm.typed(id, version, date, amount, taskId, note);
        ExpenseForm.Values typed = form.read(errors);
        LocalDate day = typed.date();
        BigDecimal money = typed.amount();
        Long task = typed.taskId();
        if (errors.isEmpty()) {
            try {
                if (id == null) {
                    expenses.create(user, key, new NewExpense(day, money, note, task));
                    redirect.addFlashAttribute(
                            "expenseNotice", "Expense of " + Amounts.INSTANCE.money(money) + " added.");
                } else {
                    expenses.update(
                            user, key, id, new ExpenseChanges(day, money, note, task == null ? 0L : task, version));
                    redirect.addFlashAttribute("expenseNotice", "Expense changed.");
                }
                return "redirect:/projects/" + key + "/earned-value#expenses";
            } catch (InvalidInput e) {
                for (FieldProblem problem : e.errors()) {
                    errors.put(problem.field(), problem.message());
                }
            } catch (Conflict e) {
                errors.put("form", e.getMessage());
            }
        }
        redirect.addFlashAttribute("expenseErrors", errors);
        redirect.addFlashAttribute("expenseForm", form);
        return "redirect:/projects/" + key + "/earned-value" + (id == null ? "" : "?expense=" + id) + "#expense-form";
    }

    @PostMapping("/projects/{key}/earned-value/expenses/{id}/delete")
    String deleteExpense(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        try {
            expenses.delete(user, key, id, version);
            redirect.addFlashAttribute("expenseNotice", "Expense deleted.");
        } catch (Conflict e) {
            redirect.addFlashAttribute("expenseNotice", e.getMessage());
        }
        return "redirect:/projects/" + key + "/earned-value#expenses";
    }

    /** Sets the project's budget, or changes it (with the version shown). */
    @PostMapping("/projects/{key}/earned-value/budget")
    String saveBudget(
            CurrentUser user,
            @PathVariable String key,
            @RequestParam(required = false) Long id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String amount,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal money = null;
        if (amount == null || amount.isBlank()) {
            errors.put("amount", "is required");
        } else {
            try {
                money = new BigDecimal(amount.strip().replace(",", ""));
            } catch (NumberFormatException e) {
                errors.put("amount", "must be an amount such as 50000");
            }
        }
        if (errors.isEmpty()) {
            try {
                if (id == null) {
                    budgets.create(user, key, new BudgetChange(null, money, null, null));
                } else {
                    budgets.update(user, key, id, new BudgetChange(null, money, null, version));
                }
                redirect.addFlashAttribute("budgetNotice", "Project budget saved.");
                return "redirect:/projects/" + key + "/earned-value#budgets";
            } catch (InvalidInput e) {
                for (FieldProblem problem : e.errors()) {
                    errors.put(problem.field(), problem.message());
                }
            } catch (Conflict e) {
                errors.put("amount", e.getMessage());
            }
        }
        redirect.addFlashAttribute("budgetErrors", errors);
        redirect.addFlashAttribute("budgetAmount", amount);
        return "redirect:/projects/" + key + "/earned-value#budgets";
    }

    /**
     * The chart's data as JSON (dates and numbers only): the periods, then PV, AC and EV per period, and the
     * forecast: from the actual cost at the status date's period to the EAC at the period of the forecast
     * finish (the periods run on until then).
     */
    static String curveJson(EarnedValueView report) {
        List<EarnedValueView.Point> points = report.curve();
        List<String> periods = new ArrayList<>();
        points.forEach(point -> periods.add(point.periodEnd().toString()));
        LocalDate forecastFinish = report.earnedSchedule().forecastFinish();
        LocalDate last = points.get(points.size() - 1).periodEnd();
        if (forecastFinish != null && forecastFinish.isAfter(last)) {
            LocalDate next = last;
            while (next.isBefore(forecastFinish)) {
                next = switch (report.by()) {
                    case "day" -> next.plusDays(1);
                    case "month" ->
                        next.plusDays(1).withDayOfMonth(next.plusDays(1).lengthOfMonth());
                    default -> next.plusDays(7);
                };
                periods.add(next.toString());
            }
        }
        int statusIndex = -1;
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).earnedValue() != null) {
                statusIndex = i;
            }
        }
        int forecastIndex = periods.size() - 1;
        if (forecastFinish != null) {
            for (int i = 0; i < periods.size(); i++) {
                if (!LocalDate.parse(periods.get(i)).isBefore(forecastFinish)) {
                    forecastIndex = i;
                    break;
                }
            }
        }
        BigDecimal estimate = report.total().estimateAtCompletion();
        StringBuilder json = new StringBuilder("{\"periods\":[");
        json.append(String.join(",", periods.stream().map(p -> "\"" + p + "\"").toList()));
        json.append("],\"plannedValue\":").append(series(points, periods.size(), EarnedValueView.Point::plannedValue));
        json.append(",\"actualCost\":").append(series(points, periods.size(), EarnedValueView.Point::actualCost));
        json.append(",\"earnedValue\":").append(series(points, periods.size(), EarnedValueView.Point::earnedValue));
        List<String> forecast = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            String value = "null";
            if (estimate != null && statusIndex >= 0 && forecastIndex > statusIndex) {
                if (i == statusIndex) {
                    value = points.get(statusIndex).actualCost().toPlainString();
                } else if (i == forecastIndex) {
                    value = estimate.toPlainString();
                }
            }
            forecast.add(value);
        }
        json.append(",\"forecast\":[").append(String.join(",", forecast)).append("]}");
        return json.toString();
    }

    private static String series(
            List<EarnedValueView.Point> points,
            int length,
            java.util.function.Function<EarnedValueView.Point, BigDecimal> value) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            BigDecimal amount = i < points.size() ? value.apply(points.get(i)) : null;
            values.add(amount == null ? "null" : amount.toPlainString());
        }
        return "[" + String.join(",", values) + "]";
    }

    @ExceptionHandler({NotFound.class, Forbidden.class, Conflict.class})
    String refused(RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return PageProblems.refusal(e, request, response, model);
    }
}
