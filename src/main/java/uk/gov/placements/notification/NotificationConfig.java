package uk.gov.placements.notification;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Who is told, and how. With {@code spring.mail.host} set, a notification to a {@link Recipient} goes by e-mail to
 * each of its people with an address (a group within a council: its members in that council only); a failing mail server throws, so the
 * async service task retries and then raises an incident, and the process waits rather than losing
 * the notice. A caller outside an async step (a downgrade's alert, {@code InadequateHomes}) sends after its commit and
 * records a failure instead; an e-mail to an address outside the system goes through {@code Notifications.emailOnce}. Without a mail server (the demo), notifications are written to the log. Statutory
 * notices to people outside the system (the child, parents, GP, school) are recorded in the
 * notification table either way.
 */
@Configuration
class NotificationConfig {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationConfig.class);

    @Bean
    @ConditionalOnProperty("spring.mail.host")
    NotificationSender mailNotificationSender(JavaMailSender mail, IdentityService identityService) {
        return new NotificationSender() {
            @Override
            public boolean canEmail() {
                return true;
            }

            @Override
            public void email(String address, String subject, String body) {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setTo(address);
                message.setFrom("placements@localhost");
                message.setSubject(subject);
                message.setText(body);
                mail.send(message);
            }

            @Override
            public void send(Recipient to, String subject, String body) {
                List<User> users;
                if (to instanceof Recipient.Person person) {
                    users = identityService.createUserQuery().userId(person.userId()).list();
                } else if (to instanceof Recipient.GroupInCouncil group) {
                    users = identityService.createUserQuery().memberOfGroup(group.group()).memberOfTenant(group.council()).list();
                } else {
                    users = identityService.createUserQuery().memberOfGroup(((Recipient.Group) to).group()).list();
                }
                for (User user : users) {
                    if (user.getEmail() == null || user.getEmail().isBlank()) {
                        continue;
                    }
                    email(user.getEmail(), subject, body);
                }
                LOG.info("Notification to {} ({} e-mails): {}", to, users.size(), subject);
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean(NotificationSender.class)
    NotificationSender loggingNotificationSender() {
        return (recipient, subject, body) -> LOG.info("Notification to {}: {}", recipient, subject);
    }
}
