package dev.orgservice.platform.validation;

/** Patterns for free text in requests, for {@code @Pattern}. */
public final class Text {

    /**
     * Some character that is not white space, in Unicode's sense ({@code (?U)}: a name of only no-break spaces is
     * blank too, which {@code @NotBlank} lets through), on any line ({@code (?s)}: a name of two lines is not).
     */
    public static final String NOT_BLANK = "(?sU).*\\S.*";
    public static final String NOT_BLANK_MESSAGE = "must not be blank";

    private Text() {
    }
}
