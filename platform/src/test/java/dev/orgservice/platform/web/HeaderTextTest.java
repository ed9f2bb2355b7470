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
    }
}
