package fr.bilan.quality.surveypage;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import fr.bilan.support.refusal.InvalidFields;

/**
 * The survey page's form as the browser posts it ({@code application/x-www-form-urlencoded}, UTF-8):
 * one field per question (its id), {@code action} ({@code save}, the default, or {@code submit}) and,
 * on the "à froid" survey, {@code followUpInterview} ({@code accept} or {@code decline}), kept with the
 * answers for the survey to pass on. Read strictly: bytes that are no UTF-8, a field given twice, a
 * form too large are refused, naming the request's {@code form}.
 *
 * @param answers by question id, as given (an empty value is no answer), with {@code followUpInterview}
 * @param submit  whether the answers are sent for good
 */
record SurveyForm(Map<String, String> answers, boolean submit) {

    /** Far above a questionnaire's answers with its comments; the gateway has its own, larger limit. */
    static final int MAX_BYTES = 64 * 1024;
    static final int MAX_FIELDS = 200;
    static final int MAX_VALUE_LENGTH = 5000;
    static final String ACTION = "action";
    static final String FOLLOW_UP = "followUpInterview";
    private static final String FIELD = "form";

    SurveyForm {
        answers = Map.copyOf(answers);
    }

    static SurveyForm parse(String contentType, byte[] body) {
        if (!isForm(contentType)) {
            throw InvalidFields.of(FIELD, "Le formulaire doit être envoyé en application/x-www-form-urlencoded, en UTF-8.");
        }
        if (body.length > MAX_BYTES) {
            throw InvalidFields.of(FIELD, "Le formulaire dépasse " + MAX_BYTES + " octets.");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        if (body.length > 0) {
            for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&", -1)) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                if (name.isEmpty()) {
                    throw InvalidFields.of(FIELD, "Le formulaire contient un champ sans nom.");
                }
                if (value.length() > MAX_VALUE_LENGTH) {
                    throw InvalidFields.of(FIELD, "Une réponse dépasse " + MAX_VALUE_LENGTH + " caractères.");
                }
                if (fields.put(name, value) != null) {
                    throw InvalidFields.of(FIELD, "Le formulaire donne deux fois le même champ.");
                }
                if (fields.size() > MAX_FIELDS) {
                    throw InvalidFields.of(FIELD, "Le formulaire contient plus de " + MAX_FIELDS + " champs.");
                }
            }
        }
        String action = fields.remove(ACTION);
        if (action != null && !action.equals("save") && !action.equals("submit")) {
            throw InvalidFields.of(FIELD, "L'action doit être « save » (enregistrer) ou « submit » (envoyer).");
        }
        String followUp = fields.get(FOLLOW_UP);
        if (followUp != null && !followUp.isEmpty() && !followUp.equals("accept") && !followUp.equals("decline")) {
            throw InvalidFields.of(FIELD, "La réponse à l'entretien de suivi doit être « accept » ou « decline ».");
        }
        return new SurveyForm(fields, "submit".equals(action));
    }

    /** {@code application/x-www-form-urlencoded}, without a charset or with UTF-8's, as browsers send it. */
    private static boolean isForm(String contentType) {
        String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        if (!parts[0].strip().equals("application/x-www-form-urlencoded")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.startsWith("charset=") && !parameter.replace("\"", "").equals("charset=utf-8")) {
                return false;
            }
        }
        return true;
    }

    /** Percent-decoding, {@code +} as a space, then strict UTF-8: bytes that are no UTF-8 are refused. */
    private static String decode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
                if (low < 0) {
                    throw InvalidFields.of(FIELD, "Le formulaire contient un encodage « % » invalide.");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException notUtf8) {
            throw InvalidFields.of(FIELD, "Le formulaire n'est pas encodé en UTF-8.");
        }
    }
}
