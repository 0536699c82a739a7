package vae.kernel.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;
import vae.Language;

/**
 * A Tablesaw {@link Table} as an HTML table (tablesaw-core has no HTML writer) and as text.
 * Long tables show their head and tail, like pandas.
 */
public final class TableRenderer implements Renderer {
    /** Tables up to this many rows are shown whole. */
    static final int MAX_ROWS = 20;
    static final int HEAD = 10;
    static final int TAIL = 5;

    @Override
    public Map<String, String> render(Object value) {
        if (!(value instanceof Table table)) {
            return null;
        }
        return Map.of("text/html", html(table), "text/plain", table.printAll().length() < 20_000 && table.rowCount() <= MAX_ROWS
                ? table.printAll() : table.print(MAX_ROWS));
    }

    /** The HTML table: caption (name), header, the rows (or head … tail), and the shape. */
    public static String html(Table table) {
        StringBuilder b = new StringBuilder("<table class=\"dataframe\">\n");
        if (table.name() != null && !table.name().isEmpty()) {
            b.append("<caption>").append(Html.escape(table.name())).append("</caption>\n");
        }
        b.append("<thead><tr>");
        for (String name : table.columnNames()) {
            b.append("<th>").append(Html.escape(name)).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        int rows = table.rowCount();
        List<Integer> shown = new ArrayList<>();
        boolean cut = rows > MAX_ROWS;
        for (int r = 0; r < rows; r++) {
            if (!cut || r < HEAD || r >= rows - TAIL) {
                shown.add(r);
            }
        }
        for (int r : shown) {
            if (cut && r == rows - TAIL) {
                b.append("<tr>");
                for (int c = 0; c < table.columnCount(); c++) {
                    b.append("<td>…</td>");
                }
                b.append("</tr>\n");
            }
            b.append("<tr>");
            for (int c = 0; c < table.columnCount(); c++) {
                b.append("<td>").append(Html.escape(table.column(c).getString(r))).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n<p>").append(Html.escape(vae.Language.text(rows == 1 ? "label.row" : "label.rows", rows)))
                .append(" × ").append(Html.escape(vae.Language.text(table.columnCount() == 1 ? "label.column" : "label.columns", table.columnCount())))
                .append("</p>");
        return b.toString();
    }
}
