package vae.kernel.render;

import java.util.Arrays;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** An {@link INDArray}: its shape and type, then its values (an HTML table for 1-D and 2-D arrays). */
public final class NDArrayRenderer implements Renderer {
    /** Rows and columns shown before "…". */
    static final int MAX = 12;

    @Override
    public Map<String, String> render(Object value) {
        if (!(value instanceof INDArray array)) {
            return null;
        }
        String head = "INDArray " + array.dataType() + " shape " + Arrays.toString(array.shape());
        String plain = head + "\n" + array.toString();
        if (array.rank() > 2 || array.isEmpty()) {
            return Map.of("text/plain", plain);
        }
        return Map.of("text/plain", plain, "text/html", html(head, array));
    }

    static String html(String head, INDArray array) {
        long rows = array.rank() == 2 ? array.rows() : 1;
        long cols = array.rank() == 0 ? 1 : array.rank() == 1 ? array.length() : array.columns();
        StringBuilder b = new StringBuilder("<div><p>").append(Html.escape(head)).append("</p>\n<table>\n");
        for (long r = 0; r < Math.min(rows, MAX); r++) {
            b.append("<tr>");
            for (long c = 0; c < Math.min(cols, MAX); c++) {
                double v = array.rank() == 2 ? array.getDouble(r, c) : array.rank() == 1 ? array.getDouble(c) : array.getDouble(0);
                b.append("<td>").append(format(v)).append("</td>");
            }
            if (cols > MAX) {
                b.append("<td>…</td>");
            }
            b.append("</tr>\n");
        }
        if (rows > MAX) {
            b.append("<tr><td>…</td></tr>\n");
        }
        return b.append("</table></div>").toString();
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.valueOf((long) v);
        }
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
