package org.pikan4j.validation.reference;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;

/**
 * A tabulated solution on disk: magic, a parameter line (UTF), nt, nx, the values row by row
 * as big-endian doubles, and a trailing CRC32 of everything before it. Reads refuse a file
 * whose checksum, layout or parameters do not match, with a message saying which.
 */
final class CacheFile {

    private static final String MAGIC = "PIKAN4J-REFERENCE-1";

    private CacheFile() {
    }

    /** Raised when a cache file exists but cannot be trusted. */
    static final class CorruptCacheException extends IOException {
        CorruptCacheException(Path file, String reason) {
            super("reference cache file " + file + " is unusable: " + reason);
        }
    }

    /** Writes {@code values[it][ix]} with its parameters, atomically (temp file, then rename). */
    static void write(Path file, String parameters, double[][] values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(MAGIC);
            out.writeUTF(parameters);
            out.writeInt(values.length);
            out.writeInt(values[0].length);
            for (double[] row : values) {
                for (double v : row) {
                    out.writeDouble(v);
                }
            }
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, bytes.toByteArray());
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Reads a table written by {@link #write} for the same parameters.
     *
     * @throws CorruptCacheException when the checksum, layout or parameters do not match
     */
    static double[][] read(Path file, String parameters) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < Long.BYTES) {
            throw new CorruptCacheException(file, "only " + bytes.length + " bytes long");
        }
        int body = bytes.length - Long.BYTES;
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, body);
        long recorded = ByteBuffer.wrap(bytes, body, Long.BYTES).getLong();
        if (crc.getValue() != recorded) {
            throw new CorruptCacheException(file, String.format(
                    "checksum mismatch (contents CRC32 %08x, recorded %08x)", crc.getValue(), recorded));
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, body))) {
            String magic = in.readUTF();
            if (!MAGIC.equals(magic)) {
                throw new CorruptCacheException(file, "not a pikan4j reference cache (header " + magic + ")");
            }
            String stored = in.readUTF();
            if (!parameters.equals(stored)) {
                throw new CorruptCacheException(file, "holds [" + stored + "], expected [" + parameters + "]");
            }
            int nt = in.readInt();
            int nx = in.readInt();
            if (nt < 1 || nx < 1 || (long) nt * nx * Double.BYTES != in.available()) {
                throw new CorruptCacheException(file, "header announces " + nt + " x " + nx
                        + " values but " + in.available() + " bytes follow");
            }
            double[][] values = new double[nt][nx];
            for (double[] row : values) {
                for (int ix = 0; ix < nx; ix++) {
                    row[ix] = in.readDouble();
                }
            }
            return values;
        } catch (CorruptCacheException e) {
            throw e;
        } catch (IOException e) {
            throw new CorruptCacheException(file, "truncated header (" + e + ")");
        }
    }
}
