package org.gantry.server.dashboard;

import java.util.List;

/**
 * One person's dashboard: the tiles in the order they chose ({@code order}, every tile once; tiles missing
 * from a saved order follow in their default order) and the ones they hid. {@code version} is 0 before the
 * first save.
 */
public record DashboardPreferences(List<String> order, List<String> hidden, Integer version) {}
