package fr.bilan.support.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one vocabulary of access records: an operation is named after the RPC that served it, so
 * that every service names its accesses alike and no call site picks a name of its own. The
 * service's name without {@code Service} is the resource, the method's name without that resource
 * (or its plural) is the verb, both in kebab case: {@code AssessmentService/GetAssessment} is
 * {@code assessment.get}, {@code AssessmentService/ListAssessments} {@code assessment.list},
 * {@code SynthesisService/DownloadSynthesisDocument} {@code synthesis.download-document},
 * {@code BeneficiaryService/CreateConsentRecord} {@code beneficiary.create-consent-record}.
 */
public final class AccessOperations {

    private AccessOperations() {
    }

    /** @param fullMethodName as gRPC names it: {@code bilan.session.v1.AssessmentService/GetAssessment} */
    public static String of(String fullMethodName) {
        int slash = fullMethodName.lastIndexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("Not a full method name: " + fullMethodName);
        }
        String service = fullMethodName.substring(fullMethodName.lastIndexOf('.', slash) + 1, slash);
        List<String> resource = words(service.endsWith("Service")
                ? service.substring(0, service.length() - "Service".length()) : service);
        List<String> method = words(fullMethodName.substring(slash + 1));
        List<String> verb = new ArrayList<>(method.subList(0, Math.min(1, method.size())));
        List<String> object = method.subList(verb.size(), method.size());
        if (namesResource(object, resource)) {
            object = object.subList(resource.size(), object.size());
        }
        verb.addAll(object);
        return kebab(resource) + "." + kebab(verb);
    }

    /** Whether {@code object} starts with the resource's words, its last one singular or plural. */
    private static boolean namesResource(List<String> object, List<String> resource) {
        if (resource.isEmpty() || object.size() < resource.size()) {
            return false;
        }
        int last = resource.size() - 1;
        return object.subList(0, last).equals(resource.subList(0, last))
                && sameNoun(object.get(last), resource.get(last));
    }

    private static boolean sameNoun(String word, String noun) {
        return word.equals(noun) || word.equals(noun + "s") || word.equals(noun + "es")
                || noun.endsWith("y") && word.equals(noun.substring(0, noun.length() - 1) + "ies")
                || noun.endsWith("is") && word.equals(noun.substring(0, noun.length() - 2) + "es");
    }

    /** {@code GetSynthesisDocument} → {@code [Get, Synthesis, Document]}. */
    private static List<String> words(String camel) {
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= camel.length(); i++) {
            if (i == camel.length() || Character.isUpperCase(camel.charAt(i))) {
                words.add(camel.substring(start, i));
                start = i;
            }
        }
        return words;
    }

    private static String kebab(List<String> words) {
        return String.join("-", words).toLowerCase(Locale.ROOT);
    }
}
