package fr.bilan.notification.template;

/** Writes a message from its kind's current template version. */
public interface MessageTemplates {

    RenderedMessage render(Letter letter);
}
