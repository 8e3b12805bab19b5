package dev.keycard.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** Bar charts of rows 1 to 3, side by side, drawn with Java2D into a PNG (no network, no plotting library). */
final class Chart {
    /** One bar; {@code value} NaN draws "pending". Keycard's own bars are blue, comparisons grey. */
    record Bar(String label, double value, boolean keycard) {
    }

    /** One chart: its title, the unit of the bars, and a footnote. */
    record Panel(String title, String unit, List<Bar> bars, String note) {
    }

    private static final int PANEL_W = 440;
    private static final int H = 480;
    private static final int TOP = 90;
    private static final int BOTTOM = 370;
    private static final Color KEYCARD = new Color(0x2f6db5);
    private static final Color OTHER = new Color(0x9a9a9a);

    private Chart() {
    }

    static void write(Path file, List<Panel> panels) throws IOException {
        BufferedImage img = new BufferedImage(PANEL_W * Math.max(1, panels.size()), H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        for (int i = 0; i < panels.size(); i++) {
            draw(g, panels.get(i), i * PANEL_W);
        }
        g.dispose();
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    private static void draw(Graphics2D g, Panel p, int x0) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        centered(g, p.title(), x0 + PANEL_W / 2, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        centered(g, p.unit(), x0 + PANEL_W / 2, 52);

        double max = p.bars().stream().mapToDouble(Bar::value).filter(v -> !Double.isNaN(v)).max().orElse(1);
        double step = niceStep(max / 4);
        double top = Math.ceil(max * 1.12 / step) * step;
        int left = x0 + 70;
        int right = x0 + PANEL_W - 20;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (double v = 0; v <= top + step / 2; v += step) {
            int y = y(v, top);
            g.setColor(new Color(0xe4e4e4));
            g.drawLine(left, y, right, y);
            g.setColor(Color.DARK_GRAY);
            String s = step >= 1 ? String.format(java.util.Locale.ROOT, "%,.0f", v) : Fmt.fmt(v);
            g.drawString(s, left - 6 - g.getFontMetrics().stringWidth(s), y + 4);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.2f));
        g.drawLine(left, BOTTOM, right, BOTTOM);

        int n = p.bars().size();
        double slot = (right - left) / (double) n;
        for (int i = 0; i < n; i++) {
            Bar b = p.bars().get(i);
            int cx = (int) (left + slot * (i + 0.5));
            int w = (int) (slot * 0.6);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            if (Double.isNaN(b.value())) {
                g.setColor(Color.GRAY);
                centered(g, "pending", cx, BOTTOM - 8);
            } else {
                int y = y(b.value(), top);
                g.setColor(b.keycard() ? KEYCARD : OTHER);
                g.fillRect(cx - w / 2, y, w, BOTTOM - y);
                g.setColor(Color.BLACK);
                centered(g, Fmt.fmt(b.value()), cx, y - 6);
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            int ly = BOTTOM + 18;
            for (String line : wrap(g.getFontMetrics(), b.label(), (int) slot - 4)) {
                centered(g, line, cx, ly);
                ly += 15;
            }
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 11));
        g.setColor(Color.DARK_GRAY);
        int ny = H - 28;
        for (String line : wrap(g.getFontMetrics(), p.note(), PANEL_W - 30)) {
            centered(g, line, x0 + PANEL_W / 2, ny);
            ny += 14;
        }
    }

    private static int y(double v, double top) {
        return (int) Math.round(BOTTOM - (BOTTOM - TOP) * v / top);
    }

    private static double niceStep(double raw) {
        double mag = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * mag >= raw) {
                return m * mag;
            }
        }
        return 10 * mag;
    }

    private static void centered(Graphics2D g, String s, int cx, int y) {
        g.drawString(s, cx - g.getFontMetrics().stringWidth(s) / 2, y);
    }

    private static List<String> wrap(FontMetrics fm, String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && fm.stringWidth(line + " " + word) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
