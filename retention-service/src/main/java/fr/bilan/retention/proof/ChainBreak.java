package fr.bilan.retention.proof;

/** Why a chain of certificates does not hold, in English for logs and in French for people. */
public enum ChainBreak {

    ALTERED("its fields do not give its hash: the entry was altered",
            "le certificat a été modifié : son empreinte ne correspond plus à son contenu"),
    LINK_BROKEN("its previous hash is not the hash of the entry before it: that one was rewritten or replaced",
            "le certificat ne suit plus le précédent : celui-ci a été réécrit ou remplacé"),
    MISSING("the entry with this sequence is missing",
            "le certificat de ce numéro manque"),
    OUT_OF_ORDER("an entry with this sequence comes after a later one",
            "les certificats ne sont plus dans l'ordre de la chaîne"),
    OTHER_CENTRE("the entry belongs to another centre's chain",
            "le certificat appartient à la chaîne d'un autre centre"),
    OUTSIDE_PERIOD("the entry was certified outside the exported period",
            "le certificat a été émis hors de la période exportée"),
    INCOMPLETE("the export's footer does not match its entries: entries were added or removed at its end",
            "l'export a été tronqué ou complété : son total ne correspond pas à ses certificats");

    private final String english;
    private final String french;

    ChainBreak(String english, String french) {
        this.english = english;
        this.french = french;
    }

    public String english() {
        return english;
    }

    public String french() {
        return french;
    }
}
