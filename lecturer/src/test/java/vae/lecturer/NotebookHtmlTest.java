package vae.lecturer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class NotebookHtmlTest {
    @Test
    void linesPrintedAroundACheckVerdictReadAsOneBlockAndTheVerdictShowsNothing() {
        JsonObject cell = JsonParser.parseString("""
                {"cell_type": "code", "metadata": {}, "execution_count": 1, "source": "Check.closeTo(…)", "outputs": [
                 {"output_type": "stream", "name": "stdout", "text": "✔ σ: <ok>\\n"},
                 {"output_type": "display_data", "metadata": {}, "data": {"application/vnd.vae.check+json": {"name": "σ", "passed": true}}},
                 {"output_type": "stream", "name": "stdout", "text": "✔ σ: positive\\n"},
                 {"output_type": "stream", "name": "stderr", "text": "careful\\n"},
                 {"output_type": "execute_result", "execution_count": 1, "metadata": {}, "data": {"text/plain": "it's \\"3\\""}}]}
                """).getAsJsonObject();
        assertEquals("<div class=\"output stdout\"><pre>✔ σ: &lt;ok&gt;\n✔ σ: positive\n</pre></div>\n"
                + "<div class=\"output stderr\"><pre>careful\n</pre></div>\n"
                + "<div class=\"output\"><pre>it&#39;s &quot;3&quot;</pre></div>\n", NotebookHtml.outputs(cell));
    }
}
