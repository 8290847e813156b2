package org.gantry.server.cost;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gantry.server.collaboration.AttachmentTooLarge;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /projects/{key}/expenses}: members record and see their own expenses with their receipts; owners and
 * managers see and change everyone's. Stakeholders see no money ("not allowed"). CSV and Excel download the
 * same list through the API.
 */
@Controller
class ExpensePages {

    private final ExpenseService expenses;
    private final ProjectService projects;
    private final JdbcClient jdbc;

    ExpensePages(ExpenseService expenses, ProjectService projects, JdbcClient jdbc) {
        this.expenses = expenses;
        this.projects = projects;
        this.jdbc = jdbc;
    }

    @GetMapping("/projects/{key}/expenses")
    String page(CurrentUser user, @PathVariable String key, @RequestParam(required = false) Long expense, Model model) {
        Project project = projects.get(user, key);
        List<Expense> all = expenses.list(user, key, null, null, null);
        model.addAttribute("me", user);
        model.addAttribute("project", project);
        model.addAttribute("fmt", Amounts.INSTANCE);
        model.addAttribute("expenses", all);
        model.addAttribute("total", all.stream().map(Expense::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        model.addAttribute("everyone", projects.access(user, key).can(org.gantry.server.project.Permission.SEE_COSTS));
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
        return "cost/expenses";
    }

    /** Records an expense (no id) or changes one (id and version), with its receipt when a file is chosen. */
    @PostMapping({"/projects/{key}/expenses", "/projects/{key}/expenses/{id}"})
    String save(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable(required = false) Long id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String amount,
            @RequestParam(required = false) String taskId,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) MultipartFile receipt,
            RedirectAttributes redirect)
            throws IOException {
        Map<String, String> errors = new LinkedHashMap<>();
        ExpenseForm form = ExpenseForm.typed(id, version, date, amount, taskId, note);
        ExpenseForm.Values typed = form.read(errors);
        LocalDate day = typed.date();
        BigDecimal money = typed.amount();
        Long task = typed.taskId();
        boolean withReceipt = receipt != null && !receipt.isEmpty();
        if (errors.isEmpty()) {
            try (InputStream content = withReceipt ? receipt.getInputStream() : null) {
                expenses.save(
                        user,
                        key,
                        id,
                        new NewExpense(day, money, note, task),
                        new ExpenseChanges(day, money, note, task == null ? 0L : task, version),
                        withReceipt ? receipt.getOriginalFilename() : null,
                        content);
                redirect.addFlashAttribute(
                        "expenseNotice",
                        (id == null ? "Expense of " + Amounts.INSTANCE.money(money) + " added" : "Expense changed")
                                + (withReceipt ? " with its receipt." : "."));
                return "redirect:/projects/" + key + "/expenses#expenses";
            } catch (InvalidInput e) {
                for (FieldProblem problem : e.errors()) {
                    errors.put(problem.field().equals("file") ? "receipt" : problem.field(), problem.message());
                }
            } catch (AttachmentTooLarge e) {
                errors.put("receipt", "is refused: " + e.getMessage());
            } catch (Conflict e) {
                errors.put("form", e.getMessage());
            }
        }
        if (withReceipt && !errors.containsKey("receipt")) {
            errors.put("receipt", "was not kept: choose it again");
        }
        redirect.addFlashAttribute("expenseErrors", errors);
        redirect.addFlashAttribute("expenseForm", form);
        return "redirect:/projects/" + key + "/expenses" + (id == null ? "" : "?expense=" + id) + "#expense-form";
    }

    @PostMapping("/projects/{key}/expenses/{id}/delete")
    String delete(
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
        return "redirect:/projects/" + key + "/expenses#expenses";
    }

    @PostMapping("/projects/{key}/expenses/{id}/receipt/delete")
    String deleteReceipt(
            CurrentUser user, @PathVariable String key, @PathVariable long id, RedirectAttributes redirect) {
        expenses.deleteReceipt(user, key, id);
        redirect.addFlashAttribute("expenseNotice", "Receipt removed.");
        return "redirect:/projects/" + key + "/expenses#expenses";
    }

    @ExceptionHandler({NotFound.class, Forbidden.class, Conflict.class, InvalidInput.class})
    String refused(RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return PageProblems.refusal(e, request, response, model);
    }
}
