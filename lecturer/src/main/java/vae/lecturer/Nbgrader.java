package vae.lecturer;

import com.google.gson.JsonObject;

/**
 * A cell's nbgrader metadata, as nbgrader writes it: {@code {"nbgrader": {"solution": true, "grade": false,
 * "grade_id": "…"}}} on an answer cell, {@code {"grade": true, "points": 1, "grade_id": "…-check"}} on a check cell.
 */
final class Nbgrader {
    private Nbgrader() {}

    /** The cell's {@code nbgrader} metadata, or null. */
    static JsonObject of(JsonObject cell) {
        JsonObject meta = cell.has("metadata") ? cell.getAsJsonObject("metadata") : null;
        return meta != null && meta.has("nbgrader") ? meta.getAsJsonObject("nbgrader") : null;
    }

    static boolean isSolution(JsonObject cell) {
        JsonObject g = of(cell);
        return g != null && g.has("solution") && g.get("solution").getAsBoolean();
    }

    static boolean isCheck(JsonObject cell) {
        JsonObject g = of(cell);
        return g != null && g.has("grade") && g.get("grade").getAsBoolean();
    }

    static String gradeId(JsonObject cell) {
        JsonObject g = of(cell);
        return g != null && g.has("grade_id") ? g.get("grade_id").getAsString() : null;
    }

    static double points(JsonObject cell) {
        JsonObject g = of(cell);
        return g != null && g.has("points") ? g.get("points").getAsDouble() : 0;
    }
}
