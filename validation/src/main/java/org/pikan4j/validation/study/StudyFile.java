package org.pikan4j.validation.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nd4j.shade.jackson.core.JsonParser;
import org.nd4j.shade.jackson.core.JsonProcessingException;
import org.nd4j.shade.jackson.core.JsonLocation;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.SerializationFeature;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;
import org.pikan4j.problems.catalog.OptimizerPlan;

/**
 * Study files: a study as one JSON object ({@code //} and {@code /* *}{@code /} comments allowed).
 * Only {@code problem} and one of {@code kan} / {@code mlp} are required; a missing part takes the
 * catalog entry's recommendation (points, optimizer), seed 1, or the default noted:
 *
 * <pre>
 * {
 *   "name": "poisson2d",                    // names the output files; default: the problem
 *   "description": "free text",
 *   "problem": "poisson2d",                 // a catalog name (pikan list)
 *   "kan": {"widths": [5, 10],              // hidden widths; input/output widths from the problem
 *           "depths": [1],                  // hidden layers (default [1])
 *           "grids": [3, 5, 10, 20],        // grid intervals G (default [5])
 *           "degrees": [3],                 // spline degrees k (default [3])
 *           "extendFrom": [3, 5]},          // train on these grids below G first, then extend (default: none)
 *   "mlp": {"widths": [10, 20], "depths": [2]},   // tanh MLPs (depths default [2])
 *   "points": {"interior": [1000, 2000], "boundary": 400, "initial": 0},
 *   "optimizer": {"adam": 500, "lr": 0.01, "lbfgs": 1500, "history": 30, "lm": 0},   // history: pairs or "dense"
 *   "seeds": [1, 2, 3]
 * }
 * </pre>
 *
 * A list with one entry may be written as the bare value ({@code "grids": 10}). An unknown key, a
 * value of the wrong type, an empty or repeated list, a negative count or an unknown problem is
 * rejected with a message that starts with the file and names the field, e.g. {@code study file
 * poisson.json: kan.grids[1] must be >= 1, got -5}. JSON parsing is Jackson as ND4J ships it
 * (shaded), the only JSON library on the class path.
 */
public final class StudyFile {

    private static final List<String> TOP = List.of("name", "description", "problem", "kan", "mlp", "points",
            "optimizer", "seeds");
    private static final List<String> KAN = List.of("widths", "depths", "grids", "degrees", "extendFrom");
    private static final List<String> MLP = List.of("widths", "depths");
    private static final List<String> POINTS = List.of("interior", "boundary", "initial");
    private static final List<String> OPTIMIZER = List.of("adam", "lr", "lbfgs", "history", "lm");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.ALLOW_COMMENTS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private StudyFile() {
    }

    /**
     * Reads a study file.
     *
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException naming the file and the field that is wrong
     */
    public static StudyDefinition read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
    }

    /**
     * Parses the text of a study file.
     *
     * @param source what to call the text in messages, e.g. the file name
     * @throws IllegalArgumentException starting {@code study file <source>:} and naming the field
     */
    public static StudyDefinition parse(String json, String source) {
        try {
            return definition(tree(json));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("study file " + source + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || root.isMissingNode()) {
                throw new IllegalArgumentException("the file is empty; a study is a JSON object {...}");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException("not valid JSON" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ": " + e.getOriginalMessage(), e);
        }
    }

    private static StudyDefinition definition(JsonNode root) {
        JsonFields top = JsonFields.object(root, "", TOP);
        if (!top.has("problem")) {
            throw new IllegalArgumentException("problem is missing; name a catalog problem, e.g. \"problem\": "
                    + "\"poisson2d\"");
        }
        String problem = top.text("problem");
        OptimizerPlan recommended = StudyDefinition.entry(problem).recommendation().optimizers();
        StudyDefinition.Builder b = StudyDefinition.builder(problem);
        if (top.has("name")) {
            b.name(top.text("name"));
        }
        if (top.has("description")) {
            b.description(top.text("description"));
        }
        if (top.has("kan")) {
            b.kan(kan(top.object("kan", KAN)));
        }
        if (top.has("mlp")) {
            b.mlp(mlp(top.object("mlp", MLP)));
        }
        if (top.has("points")) {
            points(top.object("points", POINTS), b);
        }
        if (top.has("optimizer")) {
            b.optimizer(optimizer(top.object("optimizer", OPTIMIZER), recommended));
        }
        if (top.has("seeds")) {
            b.seeds(top.longs("seeds").stream().mapToLong(Long::longValue).toArray());
        }
        return b.build();
    }

    private static KanSweep kan(JsonFields f) {
        if (!f.has("widths")) {
            throw new IllegalArgumentException("kan.widths is missing; list the hidden widths, e.g. \"widths\": [5, 10]");
        }
        KanSweep defaults = KanSweep.of(1);
        return new KanSweep(f.integers("widths"), f.has("depths") ? f.integers("depths") : defaults.depths(),
                f.has("grids") ? f.integers("grids") : defaults.grids(),
                f.has("degrees") ? f.integers("degrees") : defaults.degrees(),
                f.has("extendFrom") ? f.integers("extendFrom") : defaults.extendFrom());
    }

    private static MlpSweep mlp(JsonFields f) {
        if (!f.has("widths")) {
            throw new IllegalArgumentException("mlp.widths is missing; list the hidden widths, e.g. \"widths\": [10, 20]");
        }
        return new MlpSweep(f.integers("widths"), f.has("depths") ? f.integers("depths") : MlpSweep.of(1).depths());
    }

    private static void points(JsonFields f, StudyDefinition.Builder b) {
        if (f.has("interior")) {
            b.interior(f.integers("interior").stream().mapToInt(Integer::intValue).toArray());
        }
        if (f.has("boundary")) {
            b.boundary(f.integer("boundary"));
        }
        if (f.has("initial")) {
            b.initial(f.integer("initial"));
        }
    }

    /** The recommended plan with the given entries replaced; the plan's own checks name the optimizer. */
    private static OptimizerPlan optimizer(JsonFields f, OptimizerPlan plan) {
        try {
            boolean dense = f.has("history") ? denseHistory(f) : plan.denseInverse();
            int history = dense ? 0 : f.has("history") ? f.integer("history") : plan.lbfgsHistory();
            return new OptimizerPlan(f.has("adam") ? f.integer("adam") : plan.adamSteps(),
                    f.has("lr") ? f.number("lr") : plan.learningRate(),
                    f.has("lbfgs") ? f.integer("lbfgs") : plan.lbfgsSteps(), history,
                    f.has("lm") ? f.integer("lm") : plan.lmSteps(), dense);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith("optimizer.") ? e.getMessage()
                    : "optimizer: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the history asks for the whole inverse Hessian ({@code "dense"}) instead of a number of pairs; any
     * other text is refused.
     */
    private static boolean denseHistory(JsonFields f) {
        if (!f.isText("history")) {
            return false;
        }
        String text = f.text("history");
        if (!text.equals(CellResult.DENSE)) {
            throw new IllegalArgumentException("optimizer.history must be a number of L-BFGS pairs or \""
                    + CellResult.DENSE + "\", got \"" + text + "\"");
        }
        return true;
    }

    /** The study as a study file's text (every part spelled out), which {@link #parse} reads back. */
    public static String write(StudyDefinition study) {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", study.name());
        if (!study.description().isEmpty()) {
            root.put("description", study.description());
        }
        root.put("problem", study.problem());
        study.kan().ifPresent(k -> {
            ObjectNode kan = root.putObject("kan");
            ints(kan.putArray("widths"), k.widths());
            ints(kan.putArray("depths"), k.depths());
            ints(kan.putArray("grids"), k.grids());
            ints(kan.putArray("degrees"), k.degrees());
            ints(kan.putArray("extendFrom"), k.extendFrom());
        });
        study.mlp().ifPresent(m -> {
            ObjectNode mlp = root.putObject("mlp");
            ints(mlp.putArray("widths"), m.widths());
            ints(mlp.putArray("depths"), m.depths());
        });
        ObjectNode points = root.putObject("points");
        ints(points.putArray("interior"), study.interior());
        points.put("boundary", study.boundary());
        points.put("initial", study.initial());
        OptimizerPlan o = study.optimizer();
        ObjectNode optimizer = root.putObject("optimizer");
        optimizer.put("adam", o.adamSteps());
        optimizer.put("lr", o.learningRate());
        optimizer.put("lbfgs", o.lbfgsSteps());
        if (o.denseInverse()) {
            optimizer.put("history", CellResult.DENSE);
        } else {
            optimizer.put("history", o.lbfgsHistory());
        }
        optimizer.put("lm", o.lmSteps());
        ArrayNode seeds = root.putArray("seeds");
        study.seeds().forEach(seeds::add);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of numbers and strings always serializes", e);
        }
    }

    private static void ints(ArrayNode array, List<Integer> values) {
        values.forEach(array::add);
    }
}
