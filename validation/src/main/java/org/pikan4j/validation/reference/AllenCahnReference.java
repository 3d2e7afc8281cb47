package org.pikan4j.validation.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.pikan4j.core.util.Arguments;

/**
 * Numerical reference for the Allen-Cahn equation u_t = D u_xx - 5u³ + 5u on the periodic
 * interval x ∈ [-1, 1], t ∈ [0, 1], u(x, 0) = x² cos(πx).
 *
 * <p>Computed by a Fourier pseudo-spectral method of lines with N modes, integrated in time by
 * Dormand-Prince 8(5,3) at relative and absolute tolerance {@code tolerance} (see
 * {@code AllenCahnSolver}), then resampled by trigonometric interpolation onto the requested
 * grid. The default N is the smallest power of two at least 10/√D, about three points per
 * interface width √(2D/5): 512 for D = 1e-3 and 1024 for D = 1e-4, where doubling N changes
 * u(·, 1) by 1e-12 and 6e-12 respectively (measured).
 *
 * <p>Tables are cached on disk under {@link #DEFAULT_CACHE_DIRECTORY} or a caller's directory,
 * one file per parameter set with the parameters and a CRC32 recorded in it; a file that fails
 * its checks is reported (System.Logger, WARNING), recomputed and replaced. Immutable; tables
 * are also memoized per instance.
 */
public final class AllenCahnReference {

    /** Where tables are cached unless the caller says otherwise: {@code ~/.cache/pikan4j}. */
    public static final Path DEFAULT_CACHE_DIRECTORY =
            Path.of(System.getProperty("user.home"), ".cache", "pikan4j");

    private static final System.Logger LOG = System.getLogger(AllenCahnReference.class.getName());
    private static final double DEFAULT_TOLERANCE = 1e-10;
    private static final int MIN_MODES = 8;

    private final double diffusion;
    private final int modes;
    private final double tolerance;
    private final Path cacheDirectory;
    private final Map<Long, GridSolution> memo = new ConcurrentHashMap<>();

    private AllenCahnReference(double diffusion, int modes, double tolerance, Path cacheDirectory) {
        this.diffusion = diffusion;
        this.modes = modes;
        this.tolerance = tolerance;
        this.cacheDirectory = cacheDirectory;
    }

    /**
     * The problem with diffusion D, default modes for that D, tolerance 1e-10 and the default
     * cache directory.
     *
     * @throws IllegalArgumentException when D is not positive and finite
     */
    public static AllenCahnReference withDiffusion(double diffusion) {
        Arguments.positive("diffusion D", diffusion);
        return new AllenCahnReference(diffusion, defaultModes(diffusion), DEFAULT_TOLERANCE, DEFAULT_CACHE_DIRECTORY);
    }

    /** The smallest power of two at least 10/√D (and at least 64). */
    static int defaultModes(double diffusion) {
        double wanted = Math.max(64, 10 / Math.sqrt(diffusion));
        return wanted >= 1 << 30 ? 1 << 30 : Integer.highestOneBit((int) Math.ceil(wanted) - 1) << 1;
    }

    /**
     * The same problem resolved with N Fourier modes (collocation points).
     *
     * @throws IllegalArgumentException when N is below 8 or not a power of two
     */
    public AllenCahnReference withModes(int n) {
        Arguments.atLeast("modes N", n, MIN_MODES);
        if (Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("modes N must be a power of two, got " + n);
        }
        return new AllenCahnReference(diffusion, n, tolerance, cacheDirectory);
    }

    /**
     * The same problem integrated at relative and absolute tolerance {@code tol}.
     *
     * @throws IllegalArgumentException when tol is outside (0, 1e-3]
     */
    public AllenCahnReference withTolerance(double tol) {
        Arguments.positive("tolerance", tol);
        Arguments.within("tolerance", tol, 0, 1e-3);
        return new AllenCahnReference(diffusion, modes, tol, cacheDirectory);
    }

    /** The same problem caching its tables under {@code directory} (created when needed). */
    public AllenCahnReference withCacheDirectory(Path directory) {
        return new AllenCahnReference(diffusion, modes, tolerance, Objects.requireNonNull(directory, "directory"));
    }

    /** The same problem computed afresh every time, reading and writing no file. */
    public AllenCahnReference withoutDiskCache() {
        return new AllenCahnReference(diffusion, modes, tolerance, null);
    }

    /** The diffusion coefficient D. */
    public double diffusion() {
        return diffusion;
    }

    /** The number N of Fourier modes (collocation points). */
    public int modes() {
        return modes;
    }

    /**
     * The solution on {@code nx} × {@code nt} uniform points of [-1, 1] × [0, 1], ends
     * included, interpolated periodically in x. Row t = 0 holds x² cos(πx) exactly.
     *
     * @throws IllegalArgumentException when nx or nt is below 2
     */
    public GridSolution solve(int nx, int nt) {
        Arguments.atLeast("nx", nx, 2);
        Arguments.atLeast("nt", nt, 2);
        return memo.computeIfAbsent(((long) nx << 32) | nt, key -> loadOrCompute(nx, nt).solution());
    }

    /** A table and whether it came from the disk cache. */
    record Loaded(GridSolution solution, boolean fromDisk) {
    }

    /** Reads the cache file when it is sound, otherwise computes the table and (re)writes it. */
    Loaded loadOrCompute(int nx, int nt) {
        String parameters = parameters(nx, nt);
        Path file = cacheFile(nx, nt);
        if (file != null && Files.exists(file)) {
            try {
                return new Loaded(grid(CacheFile.read(file, parameters)), true);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, e.getMessage() + "; recomputing it");
            }
        }
        double[][] values = compute(nx, nt);
        if (file != null) {
            try {
                CacheFile.write(file, parameters, values);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "could not write reference cache " + file + ": " + e);
            }
        }
        return new Loaded(grid(values), false);
    }

    /** The cache file for this grid, or null when caching is off. */
    Path cacheFile(int nx, int nt) {
        if (cacheDirectory == null) {
            return null;
        }
        return cacheDirectory.resolve("allen-cahn_D" + diffusion + "_N" + modes + "_tol" + tolerance
                + "_" + nx + "x" + nt + ".bin");
    }

    private String parameters(int nx, int nt) {
        return "allen-cahn u_t = D u_xx - 5u^3 + 5u, u0 = x^2 cos(pi x); D=" + diffusion + " N=" + modes
                + " tol=" + tolerance + " nx=" + nx + " nt=" + nt;
    }

    private double[][] compute(int nx, int nt) {
        double[][] snapshots = new AllenCahnSolver(diffusion, modes, tolerance).integrate(nt).snapshots();
        double[][] values = new double[nt][];
        values[0] = new double[nx];
        for (int ix = 0; ix < nx; ix++) {
            double x = -1 + 2.0 * ix / (nx - 1);
            values[0][ix] = x * x * Math.cos(Math.PI * x);
        }
        for (int it = 1; it < nt; it++) {
            values[it] = AllenCahnSolver.resample(snapshots[it], nx);
        }
        return values;
    }

    private static GridSolution grid(double[][] values) {
        return new GridSolution(-1, 1, 0, 1, true, values);
    }
}
