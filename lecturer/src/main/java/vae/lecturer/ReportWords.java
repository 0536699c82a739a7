package vae.lecturer;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import vae.Language;

/**
 * The words of the grading report and of the top of a learner's feedback page, in the language in use
 * ({@link Language#current()}: {@code grade --lang vi} gives Vietnamese): {@code vae/lecturer/report.properties} and
 * {@code report_vi.properties}, the same keys and placeholders in both ({@code GradeReportTest} checks).
 */
final class ReportWords {
    static final String BUNDLE = "vae.lecturer.report";

    private ReportWords() {}

    static String text(String key, Object... args) {
        return String.format(Locale.ROOT, bundle(Language.current()).getString(key), args);
    }

    static ResourceBundle bundle(String tag) {
        try {
            return ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(tag), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            return ResourceBundle.getBundle(BUNDLE, Locale.ROOT);
        }
    }

    /**
     * An exercise's short label, said once under its notebook's heading: {@code 03-sigma-by-hand-check} in
     * {@code 03-sigma-and-z.ipynb} is "sigma-by-hand".
     */
    static String exercise(String notebook, String checkId) {
        String id = checkId.replaceFirst("-check$", "");
        java.util.regex.Matcher number = java.util.regex.Pattern.compile("^(\\d+)-").matcher(notebook);
        return number.find() && id.startsWith(number.group(1) + "-") && id.length() > number.group().length() ? id.substring(number.group().length()) : id;
    }

    /** Points as a lecturer reads them: two decimals ("0.33"). */
    static String points(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** A share as a percentage, rounded to a whole one ("33%"). */
    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }
}
