package org.compliancerunner.notify;

import java.util.Map;

import org.springframework.mail.MailException;
import org.springframework.mail.MailSender;
import org.springframework.mail.SimpleMailMessage;
import tools.jackson.databind.JsonNode;

/** Plain-text mail to the operators for every event type. */
final class EmailChannel implements Channel {

    static final String NAME = "email";

    private final MailSender mail;
    private final NotifyProperties.Email email;
    private final EventBodies bodies;

    EmailChannel(MailSender mail, NotifyProperties.Email email, EventBodies bodies) {
        this.mail = mail;
        this.email = email;
        this.bodies = bodies;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean wants(EventType type) {
        return true;
    }

    @Override
    public Attempt deliver(OutboxEvent event) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setTo(email.to().toArray(String[]::new));
        if (email.from() != null && !email.from().isBlank()) {
            message.setFrom(email.from());
        }
        message.setSubject("[compliance-runner] " + event.type().wireName());
        message.setText(text(event));
        try {
            mail.send(message);
            return Attempt.success();
        } catch (MailException e) {
            return Attempt.failed("cannot send mail to " + String.join(", ", email.to()) + ": " + e.getMessage());
        }
    }

    private String text(OutboxEvent event) {
        StringBuilder text = new StringBuilder()
                .append("Event:    ").append(event.type().wireName()).append('\n')
                .append("Id:       ").append(event.id()).append('\n')
                .append("Occurred: ").append(event.createdAt()).append("\n\n");
        for (Map.Entry<String, JsonNode> field : bodies.payload(event).properties()) {
            JsonNode value = field.getValue();
            text.append(field.getKey()).append(": ")
                    .append(value.isValueNode() ? value.asString() : value.toString()).append('\n');
        }
        return text.toString();
    }
}
