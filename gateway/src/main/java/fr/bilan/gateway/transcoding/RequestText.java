package fr.bilan.gateway.transcoding;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The text of a request as a person may have typed it: bytes decoded as strict UTF-8 (an overlong
 * {@code C0 AE} is no {@code .}), and no control character but line breaks and tabs. Bytes that are
 * no UTF-8 become {@link #MALFORMED}, an unpaired surrogate no valid UTF-8 gives, so that the field
 * holding them is named when its value is checked ({@link #refusal}).
 */
final class RequestText {

    /** What stands for bytes that are no UTF-8: a lone low surrogate, which strict UTF-8 never decodes to. */
    static final String MALFORMED = "\uDFFF";

    private RequestText() {
    }

    /** {@code bytes} as strict UTF-8, {@link #MALFORMED} in place of each byte sequence that is not. */
    static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(MALFORMED);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("A replacing decoder reported an error", e);
        }
    }

    /**
     * A percent-encoded part of a URL ({@code %C3%A9}) decoded as strict UTF-8; {@code +} is a space
     * in a query string, itself in a path. A {@code %} not followed by two hexadecimal digits is
     * taken for bytes that are no UTF-8. Characters past ASCII are the bytes the client sent
     * unencoded, as the HTTP decoder reads them (ISO-8859-1): they are decoded as UTF-8 too.
     */
    static String percentDecode(String raw, boolean plusIsSpace) {
        if (raw.chars().allMatch(c -> c < 0x80 && c != '%' && !(plusIsSpace && c == '+'))) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (low < 0) {
                    bytes.write(0xFF); // no UTF-8 byte: decodes to MALFORMED
                    continue;
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else if (c < 0x100) {
                bytes.write(c);
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return decode(bytes.toByteArray());
    }

    /**
     * Why {@code text} cannot be taken, in French; {@code null} when it can. Line breaks and tabs
     * are text (the services refuse them in single-line fields); a carriage return only before a
     * line feed; no other control character (C0, DEL, C1), no unpaired surrogate, no U+FFFE/U+FFFF.
     */
    static String refusal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (!paired) {
                    return "Ce champ contient des octets ou des caractères qui ne forment pas de l'UTF-8 valide.";
                }
                i++;
            } else if (Character.isISOControl(c) && c != '\n' && c != '\t'
                    && !(c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n')) {
                return "Ce champ contient un caractère de contrôle (" + codePoint(c) + "), qui n'est pas permis.";
            } else if (c == '\uFFFE' || c == '\uFFFF') {
                return "Ce champ contient un caractère qui n'en est pas un (" + codePoint(c) + ").";
            }
        }
        return null;
    }

    /**
     * Client text as a problem may quote it (an unknown field's name, an unknown value): each
     * control character and unpaired surrogate replaced by U+FFFD, which JSON can carry.
     */
    static String shown(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                shown.append(c).append(text.charAt(++i));
            } else {
                shown.append(Character.isSurrogate(c) || Character.isISOControl(c) ? '\uFFFD' : c);
            }
        }
        return shown.toString();
    }

    private static String codePoint(char c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }
}
