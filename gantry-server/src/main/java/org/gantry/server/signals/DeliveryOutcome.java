package org.gantry.server.signals;

import java.util.List;

/**
 * The answer to a delivery. {@code result}: stored (200), duplicate (200, a delivery id seen before: nothing
 * stored again), pong (200, a ping) or ignored (202, an event Gantry does not keep; {@code detail} says
 * which). {@code linkedTasks}: the tasks the delivery named, by id; {@code statusChanges}: the statuses the
 * project's status rules gave them.
 */
record DeliveryOutcome(
        String result,
        String kind,
        String deliveryId,
        String detail,
        List<Long> linkedTasks,
        List<StatusRuleService.StatusChange> statusChanges) {

    DeliveryOutcome(String result, String kind, String deliveryId, String detail, List<Long> linkedTasks) {
        this(result, kind, deliveryId, detail, linkedTasks, List.of());
    }
}
