package dev.orgservice.platform.web;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Header text as the container hands it over (each byte one ISO-8859-1 character), read as the client wrote it. */
class HeaderTextTest {

    private static String received(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Test
    void readsUtf8AsUtf8AndOtherBytesAsIso88591() {
        String text = "Umzug nach München, Größe geändert";
        assertThat(HeaderText.asSent(received(text.getBytes(StandardCharsets.UTF_8)))).isEqualTo(text);
        assertThat(HeaderText.asSent(received(text.getBytes(StandardCharsets.ISO_8859_1)))).isEqualTo(text);
        assertThat(HeaderText.asSent("plain ascii")).isEqualTo("plain ascii");
        assertThat(HeaderText.asSent(null)).isNull();
    }

    @Test
    void letsTextThroughButNoControlCharacterOtherThanTab() {
        assertThat(HeaderText.isPrintable(received("Größe\tgeändert".getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(HeaderText.isPrintable(received(new byte[]{'a', (byte) 0x85, 'b'}))).isFalse();
        assertThat(HeaderText.isPrintable("a\u0001b")).isFalse();
        assertThat(HeaderText.isPrintable("a\u007fb")).isFalse();
        assertThat(HeaderText.isPrintable("Bearer eyJhbGciOiJIUzI1NiJ9.e30.x-_~ !\"#$%&'()*+,/:;<=>?@[\\]^`{|}")).isTrue();
        assertThat(HeaderText.isPrintable("")).isTrue();
    }

    /** The ASCII shortcut answers as the decoding does, for every byte in every position of a short header. */
    @Test
    void answersAsTheDecodedTextForEveryByte() {
        for (int b = 0; b < 256; b++) {
            for (String header : new String[]{String.valueOf((char) b), "ab" + (char) b, (char) b + "\u00c3\u00bc"}) {
                boolean decoded = HeaderText.asSent(header).codePoints()
                        .noneMatch(c -> Character.isISOControl(c) && c != '\t');
                assertThat(HeaderText.isPrintable(header)).as("byte %d in %s", b, header).isEqualTo(decoded);
            }
        }
    }
}
