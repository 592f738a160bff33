package fr.bilan.retention.rules;

/**
 * What a rule's period runs from. R6313-7 counts every period from the end of the action; the
 * rules file names the anchor all the same, so that a reader sees it and a new text can add one.
 */
public enum RetentionAnchor {
    ACTION_END
}
