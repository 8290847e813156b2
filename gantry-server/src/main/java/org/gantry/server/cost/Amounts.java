package org.gantry.server.cost;

import java.math.BigDecimal;
import java.util.Locale;

/** How the Earned value page writes figures: amounts as 12,345.60, indices as 0.82, a dash for none. */
public final class Amounts {
    static final Amounts INSTANCE = new Amounts();

    private Amounts() {}

    public String money(BigDecimal amount) {
        return amount == null ? "–" : String.format(Locale.ROOT, "%,.2f", amount);
    }

    public String index(BigDecimal value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }
}
