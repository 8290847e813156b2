package org.gantry.server.cost;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an expense form holds, as typed, so a refused value comes back as it was typed; the Expenses page and the
 * Earned value page both show and read it. Serializable: it travels to the next page as a flash attribute in the
 * session (which may live in the database).
 */
record ExpenseForm(Long id, Integer version, String date, String amount, String taskId, String note)
        implements Serializable {

    /** A task to pick for an expense, in WBS order. */
    record TaskChoice(long id, String label) {}

    /** The typed values read: null where left empty or refused. */
    record Values(LocalDate date, BigDecimal amount, Long taskId) {}

    static ExpenseForm empty() {
        return new ExpenseForm(null, null, "", "", "", "");
    }

    /** The form as sent, nothing left null, to show again. */
    static ExpenseForm typed(Long id, Integer version, String date, String amount, String taskId, String note) {
        return new ExpenseForm(
                id,
                version,
                date == null ? "" : date,
                amount == null ? "" : amount,
                taskId == null ? "" : taskId,
                note == null ? "" : note);
    }

    /** The form filled with an expense, to change it. */
    static ExpenseForm of(Expense expense) {
        return new ExpenseForm(
                expense.id(),
                expense.version(),
                expense.date().toString(),
                expense.amount().toPlainString(),
                expense.taskId() == null ? "" : expense.taskId().toString(),
                expense.note());
    }

    /** Reads the typed date, amount and task; what cannot be read goes into {@code errors} by field. */
    Values read(Map<String, String> errors) {
        LocalDate day = null;
        if (date.isBlank()) {
            errors.put("date", "is required");
        } else {
            try {
                day = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                errors.put("date", "must be a date such as 2026-03-31");
            }
        }
        BigDecimal money = null;
        if (amount.isBlank()) {
            errors.put("amount", "is required");
        } else {
            try {
                money = new BigDecimal(amount.strip().replace(",", ""));
            } catch (NumberFormatException e) {
                errors.put("amount", "must be an amount such as 120.50");
            }
        }
        Long task = null;
        if (!taskId.isBlank()) {
            try {
                task = Long.valueOf(taskId.strip());
            } catch (NumberFormatException e) {
                errors.put("taskId", "must be a task of the project");
            }
        }
        return new Values(day, money, task);
    }

    /** The project's tasks to choose from, in WBS order. */
    static List<TaskChoice> tasks(JdbcClient jdbc, long projectId) {
        return jdbc.sql("""
                select id, array_to_string(outline_path, '.') || ' ' || name from task
                where project_id = ? order by outline_path
                """)
                .params(projectId)
                .query((rs, n) -> new TaskChoice(rs.getLong(1), rs.getString(2)))
                .list();
    }
}
