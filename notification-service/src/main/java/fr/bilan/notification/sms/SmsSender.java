package fr.bilan.notification.sms;

/**
 * Where text messages go: a network plugs its SMS provider in by declaring a bean of this type, which
 * replaces the default {@link RecordedSmsSender} (that sends nothing).
 */
public interface SmsSender {

    /**
     * Hands the message to the provider.
     *
     * @throws RuntimeException when the provider did not take it
     */
    void send(TextMessage message);
}
