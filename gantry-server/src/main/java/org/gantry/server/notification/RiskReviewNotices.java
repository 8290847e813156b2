package org.gantry.server.notification;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.gantry.server.risk.RiskReviewDue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells a risk's owner that its review date has come: in the app and by e-mail as they prefer (kind
 * RISK_REVIEW), leading to the risk in the project's register. Runs inside the transaction that records
 * the reminder, so a reminder is claimed exactly when its notification is stored.
 */
@Component
class RiskReviewNotices {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private final Notifications notifications;
    private final boolean enabled;

    RiskReviewNotices(Notifications notifications, @Value("${gantry.notifications.enabled:true}") boolean enabled) {
        this.notifications = notifications;
        this.enabled = enabled;
    }

    @EventListener
    void on(RiskReviewDue due) {
        if (!enabled) {
            return;
        }
        long late = ChronoUnit.DAYS.between(due.reviewDate(), due.today());
        String when = late <= 0
                ? "Its review date is today, " + DAY.format(due.reviewDate()) + "."
                : "Its review date was " + DAY.format(due.reviewDate()) + ", " + late + (late == 1 ? " day" : " days")
                        + " ago.";
        notifications.store(
                due.projectId(),
                List.of(new Draft(
                        due.ownerId(),
                        null,
                        Reason.RISK_REVIEW,
                        "Review the risk “" + Wording.excerpt(due.title(), 120) + "”",
                        when,
                        "You own this risk; its next review date has come.",
                        null,
                        "/projects/" + due.projectKey() + "/risks#risk-" + due.riskId())));
    }
}
