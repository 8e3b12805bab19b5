package dev.keycard.bench;

import java.util.Locale;

/** How the report writes numbers: thousands separated, ratios and milliseconds with two decimals. */
final class Fmt {
    private Fmt() {
    }

    static String fmt(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String count(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    static String ratio(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String ms(double v) {
        return num(v) + " ms";
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String ns(double v) {
        return fmt(v) + " ns";
    }
}
