package org.pikan4j.core.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.pikan4j.core.io.ModelFileException.Reason;

/**
 * The binary framing of a model file (see the package documentation): magic, version, lengths, header
 * text, parameters and CRC32. It checks the framing and the checksum before anything reads the header, so
 * the header parser only ever sees bytes that were written as they are.
 */
final class Container {

    /** The first bytes of every model file. */
    static final byte[] MAGIC = "PIKAN4J".getBytes(StandardCharsets.US_ASCII);
    /** Magic, version (int), file length (long), header length (int). */
    static final int PREFIX_BYTES = MAGIC.length + 4 + 8 + 4;
    /** The CRC32 at the end, as an int. */
    static final int CHECKSUM_BYTES = 4;
    /** The smallest possible file: the prefix and the checksum, with an empty header and no parameters. */
    static final int MINIMUM_BYTES = PREFIX_BYTES + CHECKSUM_BYTES;

    /** The header text and the parameters of a file whose framing and checksum hold. */
    record Frame(String header, double[] theta) {
    }

    private Container() {
    }

    /** The bytes of a model file with the given version, header text and parameters. */
    static byte[] encode(int version, String header, double[] theta) {
        byte[] text = header.getBytes(StandardCharsets.UTF_8);
        long length = (long) PREFIX_BYTES + text.length + 8L * theta.length + CHECKSUM_BYTES;
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a model file holds at most 2 GiB, this one would take "
                    + length + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) length);   // big-endian by default
        buffer.put(MAGIC).putInt(version).putLong(length).putInt(text.length).put(text);
        for (double value : theta) {
            buffer.putLong(Double.doubleToRawLongBits(value));
        }
        buffer.putInt((int) checksum(buffer.array(), buffer.position()));
        return buffer.array();
    }

    /**
     * Checks the framing of a file's bytes and splits them.
     *
     * @param file          the file, for messages
     * @param bytes         its content
     * @param newestVersion the newest format version this build reads
     * @param noun          what the file should be, for messages ("model", "checkpoint")
     * @throws ModelFileException for a bad magic, a newer version, a truncation, a checksum mismatch or
     *                            inconsistent lengths
     */
    static Frame decode(Path file, byte[] bytes, int newestVersion, String noun) throws ModelFileException {
        checkMagic(file, bytes, noun);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        requireAtLeast(file, bytes, MAGIC.length + 4);
        int version = buffer.getInt(MAGIC.length);
        if (version > newestVersion) {
            throw new ModelFileException(Reason.NEWER_VERSION, file, "written by format version " + version
                    + ", this build reads up to " + newestVersion);
        }
        if (version < 1) {
            throw new ModelFileException(Reason.CORRUPTED, file, "format version " + version
                    + " is not valid (versions start at 1): the file is damaged");
        }
        requireAtLeast(file, bytes, MINIMUM_BYTES);
        long declared = buffer.getLong(MAGIC.length + 4);
        if (declared != bytes.length) {
            throw declared > bytes.length
                    ? new ModelFileException(Reason.TRUNCATED, file, "truncated (or its length field is"
                            + " damaged): expected " + declared + " bytes, found " + bytes.length)
                    : new ModelFileException(Reason.CORRUPTED, file, "expected " + declared
                            + " bytes, found " + bytes.length + ": trailing bytes or a damaged length field");
        }
        int end = bytes.length - CHECKSUM_BYTES;
        long stored = Integer.toUnsignedLong(buffer.getInt(end));
        long computed = checksum(bytes, end);
        if (stored != computed) {
            throw new ModelFileException(Reason.CORRUPTED, file, String.format(
                    "checksum mismatch (stored CRC32 %08x, computed %08x): the file is corrupted",
                    stored, computed));
        }
        int headerLength = buffer.getInt(MAGIC.length + 12);
        int body = end - PREFIX_BYTES;
        if (headerLength < 0 || headerLength > body || (body - headerLength) % 8 != 0) {
            throw new ModelFileException(Reason.CORRUPTED, file, "header length " + headerLength
                    + " does not fit the " + body + " bytes between the prefix and the checksum");
        }
        String header = utf8(file, bytes, PREFIX_BYTES, headerLength);
        double[] theta = new double[(body - headerLength) / 8];
        buffer.position(PREFIX_BYTES + headerLength);
        for (int p = 0; p < theta.length; p++) {
            theta[p] = Double.longBitsToDouble(buffer.getLong());
        }
        return new Frame(header, theta);
    }

    /** A file shorter than the magic that matches it so far counts as truncated, not as foreign. */
    private static void checkMagic(Path file, byte[] bytes, String noun) throws ModelFileException {
        int compared = Math.min(bytes.length, MAGIC.length);
        for (int i = 0; i < compared; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new ModelFileException(Reason.NOT_A_MODEL, file,
                        "not a pikan4j " + noun + " (it does not start with the bytes \"PIKAN4J\")");
            }
        }
    }

    private static void requireAtLeast(Path file, byte[] bytes, int needed) throws ModelFileException {
        if (bytes.length < needed) {
            throw new ModelFileException(Reason.TRUNCATED, file, "truncated: expected at least "
                    + MINIMUM_BYTES + " bytes, found " + bytes.length);
        }
    }

    private static String utf8(Path file, byte[] bytes, int offset, int length) throws ModelFileException {
        try {
            CharBuffer text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length));
            return text.toString();
        } catch (CharacterCodingException e) {
            throw new ModelFileException(Reason.CORRUPTED, file, "the header is not valid UTF-8", e);
        }
    }

    private static long checksum(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }
}
