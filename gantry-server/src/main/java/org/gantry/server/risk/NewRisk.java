package org.gantry.server.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A risk to add. Required: title, probability and impact (1 to 5). kind THREAT (default) or OPPORTUNITY;
 * responseStrategy AVOID, MITIGATE, TRANSFER, ACCEPT or ESCALATE for a threat, EXPLOIT, ENHANCE, SHARE,
 * ACCEPT or ESCALATE for an opportunity; status OPEN (default), MONITORING, OCCURRED or CLOSED; ownerId a
 * project member; delayTaskId with delayDays (working days) quantify the effect on one task,
 * delayPercent (0 to 100) its chance when it differs from what the probability rating says;
 * residualProbability with residualImpact (1 to 5, both or neither) the rating once the response works,
 * trigger the warning sign, proximity the date from which it could happen, costImpact (0 or more, two
 * decimals) its cost in the project's currency.
 */
public record NewRisk(
        String title,
        String kind,
        String category,
        String cause,
        String event,
        String effect,
        Integer probability,
        Integer impact,
        String responseStrategy,
        String response,
        Long ownerId,
        String status,
        LocalDate reviewDate,
        List<Long> taskIds,
        Long delayTaskId,
        BigDecimal delayDays,
        Integer delayPercent,
        Integer residualProbability,
        Integer residualImpact,
        String trigger,
        LocalDate proximity,
        BigDecimal costImpact) {}
