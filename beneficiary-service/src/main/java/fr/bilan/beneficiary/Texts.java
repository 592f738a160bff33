package fr.bilan.beneficiary;

/** Text as people type it, kept without what they add by habit; an absent value reads empty. */
public final class Texts {

    private Texts() {
    }

    /** Without the spaces around it. */
    public static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    /** Without any space, for numbers written in groups: « 732 829 320 00074 » is 73282932000074. */
    public static String withoutSpaces(String value) {
        return value == null ? "" : value.replaceAll("\\s", "");
    }
}
