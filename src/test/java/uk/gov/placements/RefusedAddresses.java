package uk.gov.placements;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * For {@link TestMailServer#refusing}: the application's JavaMailSender, replaced by one with the same settings so that a message to a refused address
 * fails as JavaMailSenderImpl reports a 550 to RCPT (a MailSendException holding a SendFailedException that lists the
 * address as invalid). Every other message goes through unchanged.
 */
@Component
class RefusedAddresses implements BeanPostProcessor {
    static final Set<String> REFUSED = ConcurrentHashMap.newKeySet();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof JavaMailSenderImpl mail)) {
            return bean;
        }
        // the same server settings, so everything not refused goes to GreenMail as before (and the mail health check still sees it)
        JavaMailSenderImpl refusing = new JavaMailSenderImpl() {
            @Override
            public void send(SimpleMailMessage... messages) {
                for (SimpleMailMessage m : messages) {
                    for (String to : m.getTo() == null ? new String[0] : m.getTo()) {
                        if (REFUSED.contains(to)) {
                            throw refused(m, to);
                        }
                    }
                }
                super.send(messages);
            }
        };
        refusing.setHost(mail.getHost());
        refusing.setPort(mail.getPort());
        refusing.setUsername(mail.getUsername());
        refusing.setPassword(mail.getPassword());
        refusing.setProtocol(mail.getProtocol());
        refusing.setDefaultEncoding(mail.getDefaultEncoding());
        refusing.setJavaMailProperties(mail.getJavaMailProperties());
        return refusing;
    }

    private static MailSendException refused(SimpleMailMessage m, String to) {
        MessagingException rcpt = new MessagingException("550 5.1.1 <" + to + ">: Recipient address rejected: User unknown in virtual mailbox table");
        try {
            SendFailedException failed = new SendFailedException("Invalid Addresses", rcpt, new Address[0], new Address[0],
                    new Address[] {new InternetAddress(to)});
            return new MailSendException(Map.of(m, failed));
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalStateException(e);
        }
    }
}
