package org.compliancerunner.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.MailSender;
import org.springframework.mail.SimpleMailMessage;

/** E-mail is one more channel: same events, plain text, the same retry and delivery state. */
class EmailChannelTest {

    private final NotifyBench bench = new NotifyBench();

    @Test
    void operatorsGetAPlainTextMailPerEventAndARefusedMailIsRetried() {
        List<SimpleMailMessage> sent = new CopyOnWriteArrayList<>();
        boolean[] smtpDown = {true};
        MailSender smtp = new MailSender() {
            @Override
            public void send(SimpleMailMessage... messages) {
                if (smtpDown[0]) {
                    throw new MailSendException("Connection refused: smtp.example.org:25");
                }
                sent.addAll(List.of(messages));
            }
        };
        NotifyProperties base = NotifyBench.properties(8, List.of());
        NotifyProperties properties = new NotifyProperties(base.webhooks(), base.maxAttempts(), base.initialBackoff(),
                base.maxBackoff(), base.requestTimeout(), base.dispatchInterval(), base.dispatcher(),
                new NotifyProperties.Email(List.of("qc-desk@example.org"), "runner@example.org"));
        Channels channels = bench.channels(properties, smtp);
        Outbox outbox = new Outbox(bench.jdbc, channels, new EventBodies(bench.mapper), bench.clock);
        OutboxDispatcher dispatcher = bench.dispatcher(properties, channels);
        UUID id = bench.publishCommitted(outbox, EventType.VIDEO_FLAGGED, Map.of("videoId", 7, "rule", "audio.loudness"));

        assertThat(dispatcher.dispatchDue()).isEqualTo(new DispatchRound(0, 1, 0));
        assertThat((String) bench.delivery(id, "email").get("last_error"))
                .contains("qc-desk@example.org").contains("Connection refused");

        smtpDown[0] = false;
        bench.clock.advance(properties.initialBackoff());
        assertThat(dispatcher.dispatchDue()).isEqualTo(new DispatchRound(1, 0, 0));

        assertThat(sent).singleElement().satisfies(mail -> {
            assertThat(mail.getTo()).containsExactly("qc-desk@example.org");
            assertThat(mail.getFrom()).isEqualTo("runner@example.org");
            assertThat(mail.getSubject()).isEqualTo("[compliance-runner] video.flagged");
            assertThat(mail.getText()).contains("Id:       " + id).contains("rule: audio.loudness")
                    .contains("videoId: 7");
        });
    }

    @Test
    void withoutRecipientsNoMailChannelExists() {
        MailSender smtp = messages -> { };
        assertThat(bench.channels(NotifyBench.properties(8, List.of()), smtp).names()).isEmpty();
    }
}
