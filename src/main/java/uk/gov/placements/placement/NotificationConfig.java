package uk.gov.placements.placement;

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
import uk.gov.placements.security.Roles;

/**
 * Who is told, and how. With {@code spring.mail.host} set, a notification to a Camunda group goes
 * by e-mail to each member ({@code group@council}: each member in that council only), and one to a
 * council ({@code council:<id>}) to its commissioning managers, and one to a person ({@code user:<id>}) to that person; a failing mail server throws, so the
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
            public void send(String recipient, String subject, String body) {
            List<User> users;
            if (recipient.startsWith("user:")) {
                users = identityService.createUserQuery().userId(recipient.substring("user:".length())).list();
            } else if (recipient.startsWith("council:")) {
                users = identityService.createUserQuery().memberOfGroup(Roles.COMMISSIONING_MANAGERS)
                        .memberOfTenant(recipient.substring("council:".length())).list();
            } else if (recipient.contains("@")) {
                // a group within one council: a council's alert reaches only that council's staff
                String[] groupAndCouncil = recipient.split("@", 2);
                users = identityService.createUserQuery().memberOfGroup(groupAndCouncil[0]).memberOfTenant(groupAndCouncil[1]).list();
            } else {
                users = identityService.createUserQuery().memberOfGroup(recipient).list();
            }
            for (User user : users) {
                if (user.getEmail() == null || user.getEmail().isBlank()) {
                    continue;
                }
                SimpleMailMessage message = new SimpleMailMessage();
                message.setTo(user.getEmail());
                message.setFrom("placements@localhost");
                message.setSubject(subject);
                message.setText(body);
                mail.send(message);
            }
            LOG.info("Notification to {} ({} e-mails): {}", recipient, users.size(), subject);
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean(NotificationSender.class)
    NotificationSender loggingNotificationSender() {
        return (recipient, subject, body) -> LOG.info("Notification to {}: {}", recipient, subject);
    }
}
