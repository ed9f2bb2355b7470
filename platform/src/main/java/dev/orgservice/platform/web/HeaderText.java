package dev.orgservice.platform.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Text in a request header as the client wrote it. The container hands a header value over decoded byte by byte as
 * ISO-8859-1, so text sent in UTF-8, as clients send it ("Umzug nach München"), arrives as "MÃ¼nchen" (found by hand
 * in the stored change reasons, 2026-11-27). Bytes that are valid UTF-8 are read as UTF-8; other bytes stay
 * ISO-8859-1, which is what a client that follows the older HTTP specifications has sent.
 */
public final class HeaderText {

    private HeaderText() {
    }

    public static String asSent(String header) {
        if (header == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(header.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException notUtf8) {
            return header;
        }
    }

    /** True when the text, as sent, has no control character but tab: what the firewall lets through. */
    public static boolean isPrintable(String header) {
        // the firewall asks for every header of every request (a bearer token is a kilobyte of ASCII): text that is
        // printable ASCII throughout reads the same as sent and needs no decoding (2.2% of the request threads' CPU
        // in the commands across tenants, docs/benchmark-log.md, thirty-fifth run)
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c >= 0x7f || c < 0x20 && c != '\t') {
                return asSent(header).codePoints().noneMatch(code -> Character.isISOControl(code) && code != '\t');
            }
        }
        return true;
    }
}
