package org.pikan4j.validation.study;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.pikan4j.problems.catalog.Catalog;
import org.pikan4j.problems.catalog.CatalogEntry;
import org.pikan4j.problems.catalog.ModelSpec;
import org.pikan4j.problems.catalog.OptimizerPlan;
import org.pikan4j.problems.catalog.Recommendation;

/**
 * A convergence study: one catalog problem, the KAN and MLP sweeps to train on it, the interior
 * point counts to sweep, the boundary and initial counts, one optimizer chain (its step counts are
 * the budget of every cell) and the seeds. {@link #cells()} is every combination. Immutable; made
 * by {@link #builder(String)} or read from a file by {@link StudyFile}. Checks name the field as
 * the study file spells it (see {@link StudyFile} for the format).
 */
public final class StudyDefinition {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private final String name;
    private final String description;
    private final String problem;
    private final KanSweep kan;
    private final MlpSweep mlp;
    private final List<Integer> interior;
    private final int boundary;
    private final int initial;
    private final OptimizerPlan optimizer;
    private final List<Long> seeds;

    private StudyDefinition(Builder b, List<Integer> interior, Recommendation defaults) {
        this.name = b.name == null ? b.problem : b.name;
        this.description = b.description == null ? "" : b.description;
        this.problem = b.problem;
        this.kan = b.kan;
        this.mlp = b.mlp;
        this.interior = interior == null ? List.of(defaults.collocation().interior()) : interior;
        this.boundary = b.boundary == null ? defaults.collocation().boundary() : b.boundary;
        this.initial = b.initial == null ? defaults.collocation().initial() : b.initial;
        this.optimizer = b.optimizer == null ? defaults.optimizers() : b.optimizer;
        this.seeds = b.seeds;
    }

    /**
     * A builder for a study of the named catalog problem. Unset parts default to: name = the
     * problem's name, the entry's recommended collocation counts and optimizer chain, seed 1.
     */
    public static Builder builder(String problem) {
        return new Builder(problem);
    }

    /** The study's name: letters, digits, '.', '_' and '-' (it names files). */
    public String name() {
        return name;
    }

    /** A free-text description, empty when none. */
    public String description() {
        return description;
    }

    /** The catalog name of the problem. */
    public String problem() {
        return problem;
    }

    /** The KAN sweep, if the study trains KANs. */
    public Optional<KanSweep> kan() {
        return Optional.ofNullable(kan);
    }

    /** The MLP sweep, if the study trains MLPs. */
    public Optional<MlpSweep> mlp() {
        return Optional.ofNullable(mlp);
    }

    /** The interior point counts swept. */
    public List<Integer> interior() {
        return interior;
    }

    /** Boundary collocation points of every cell. */
    public int boundary() {
        return boundary;
    }

    /** Initial-slice collocation points of every cell. */
    public int initial() {
        return initial;
    }

    /** The optimizer chain of every cell. */
    public OptimizerPlan optimizer() {
        return optimizer;
    }

    /** The seeds of the initial parameters. */
    public List<Long> seeds() {
        return seeds;
    }

    /**
     * Every cell: KANs (widths, depths, degrees, grids, interior counts), then MLPs (widths,
     * depths, interior counts), each configuration with all its seeds in a row.
     */
    public List<StudyCell> cells() {
        CatalogEntry entry = entry(problem);
        int in = entry.problem().coordinateNames().size();
        int out = entry.problem().fieldNames().size();
        List<ModelSpec> models = new ArrayList<>();
        if (kan != null) {
            for (int w : kan.widths()) {
                for (int d : kan.depths()) {
                    for (int k : kan.degrees()) {
                        for (int g : kan.grids()) {
                            int[] widths = widths(in, w, d, out);
                            int[] schedule = kan.schedule(g);
                            models.add(ModelSpec.kan(schedule[0], k, widths)
                                    .withExtensions(java.util.Arrays.copyOfRange(schedule, 1, schedule.length)));
                        }
                    }
                }
            }
        }
        if (mlp != null) {
            for (int w : mlp.widths()) {
                for (int d : mlp.depths()) {
                    models.add(ModelSpec.mlp(widths(in, w, d, out)));
                }
            }
        }
        List<StudyCell> cells = new ArrayList<>();
        for (ModelSpec m : models) {
            for (int n : interior) {
                for (long seed : seeds) {
                    cells.add(new StudyCell(problem, m, n, boundary, initial, optimizer, seed));
                }
            }
        }
        return cells;
    }

    /**
     * The catalog entry of a study's problem.
     *
     * @throws IllegalArgumentException starting {@code problem:}, naming the value and the valid names
     */
    static CatalogEntry entry(String problem) {
        try {
            return Catalog.standard().entry(problem);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("problem: " + e.getMessage(), e);
        }
    }

    private static int[] widths(int in, int width, int depth, int out) {
        int[] w = new int[depth + 2];
        java.util.Arrays.fill(w, width);
        w[0] = in;
        w[depth + 1] = out;
        return w;
    }

    @Override
    public String toString() {
        return "StudyDefinition[" + name + ": " + problem + ", " + cells().size() + " cells]";
    }

    /** Collects the parts of a study; {@link #build()} checks them. Not thread-safe. */
    public static final class Builder {

        private final String problem;
        private String name;
        private String description;
        private KanSweep kan;
        private MlpSweep mlp;
        private List<Integer> interior;
        private Integer boundary;
        private Integer initial;
        private OptimizerPlan optimizer;
        private List<Long> seeds = List.of(1L);

        private Builder(String problem) {
            this.problem = problem;
        }

        /** The study's name (default: the problem's). */
        public Builder name(String n) {
            this.name = n;
            return this;
        }

        /** A free-text description. */
        public Builder description(String d) {
            this.description = d;
            return this;
        }

        /** The KANs to train (null: none). */
        public Builder kan(KanSweep sweep) {
            this.kan = sweep;
            return this;
        }

        /** The MLPs to train (null: none). */
        public Builder mlp(MlpSweep sweep) {
            this.mlp = sweep;
            return this;
        }

        /** The interior point counts to sweep. */
        public Builder interior(int... counts) {
            this.interior = Sweeps.list(counts);
            return this;
        }

        /** Boundary collocation points. */
        public Builder boundary(int count) {
            this.boundary = count;
            return this;
        }

        /** Initial-slice collocation points. */
        public Builder initial(int count) {
            this.initial = count;
            return this;
        }

        /** The optimizer chain and budget of every cell. */
        public Builder optimizer(OptimizerPlan plan) {
            this.optimizer = plan;
            return this;
        }

        /** The seeds of the initial parameters. */
        public Builder seeds(long... s) {
            this.seeds = java.util.Arrays.stream(s).boxed().toList();
            return this;
        }

        /**
         * The study.
         *
         * @throws IllegalArgumentException naming the field and the value, and what is valid: an
         *                                  unknown problem, a bad name, no model family, an empty
         *                                  or repeated sweep or seed list, a negative point count
         */
        public StudyDefinition build() {
            CatalogEntry entry = entry(problem);
            if (name != null && !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("name must be letters, digits, '.', '_' or '-' (it names files),"
                        + " got \"" + name + "\"");
            }
            if (kan == null && mlp == null) {
                throw new IllegalArgumentException("a study needs a model family: give kan, mlp or both");
            }
            List<Integer> counts = interior == null ? null : Sweeps.atLeast("points.interior", interior, 1);
            if (boundary != null && boundary < 0) {
                throw new IllegalArgumentException("points.boundary must be >= 0, got " + boundary);
            }
            if (initial != null && initial < 0) {
                throw new IllegalArgumentException("points.initial must be >= 0, got " + initial);
            }
            checkSeeds(seeds);
            return new StudyDefinition(this, counts, entry.recommendation());
        }

        private static void checkSeeds(List<Long> seeds) {
            if (seeds == null || seeds.isEmpty()) {
                throw new IllegalArgumentException("seeds must list at least one seed, got " + seeds);
            }
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < seeds.size(); i++) {
                if (!seen.add(seeds.get(i))) {
                    throw new IllegalArgumentException("seeds[" + i + "] repeats " + seeds.get(i)
                            + "; list each seed once");
                }
            }
        }
    }
}
