package io.vigil.ingest.syslog;

/** Tells a text message from binary noise sent to the syslog port (scanners, wrong protocol). */
final class SyslogText {

    /** Share of control or undecodable characters above which a message is not text. */
    private static final double MAX_NOISE = 0.3;

    private SyslogText() {
    }

    static boolean isBinary(String text) {
        if (text.isEmpty()) {
            return false;
        }
        int noise = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD' || (c < 0x20 && c != '\t')) {
                noise++;
            }
        }
        return noise > text.length() * MAX_NOISE;
    }
}
