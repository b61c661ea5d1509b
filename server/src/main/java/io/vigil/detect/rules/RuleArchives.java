package io.vigil.detect.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The YAML files of a zip archive (a rule repository exported as zip), bounded so that an archive
 * cannot exhaust memory: at most {@link #MAX_FILES} rule files and {@link #MAX_BYTES} unpacked.
 */
final class RuleArchives {

    static final int MAX_FILES = 20_000;
    static final long MAX_BYTES = 64L << 20;

    /** Thrown when the archive is not a zip or exceeds the bounds. */
    static final class ArchiveException extends Exception {

        ArchiveException(String message) {
            super(message);
        }
    }

    private RuleArchives() {
    }

    static boolean isZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    /** Path in the archive → text, in archive order; other files are skipped. */
    static Map<String, String> yamlFiles(byte[] zip) throws ArchiveException {
        Map<String, String> files = new LinkedHashMap<>();
        long total = 0;
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName();
                if (entry.isDirectory() || !(name.endsWith(".yml") || name.endsWith(".yaml"))) {
                    continue;
                }
                if (files.size() >= MAX_FILES) {
                    throw new ArchiveException("more than " + MAX_FILES + " rule files in the archive");
                }
                byte[] content = read(in, MAX_BYTES - total);
                total += content.length;
                files.put(name, new String(content, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new ArchiveException("the zip archive cannot be read: " + e.getMessage());
        }
        return files;
    }

    private static byte[] read(InputStream in, long budget) throws IOException, ArchiveException {
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            if (out.size() + n > budget) {
                throw new ArchiveException("the archive unpacks to more than " + (MAX_BYTES >> 20) + " MiB");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
