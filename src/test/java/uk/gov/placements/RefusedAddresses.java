package uk.gov.placements;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * For {@link TestMailServer#refusing}: the application's JavaMailSender, wrapped so that a message to a refused address
 * fails as JavaMailSenderImpl reports a 550 to RCPT (a MailSendException holding a SendFailedException that lists the
 * address as invalid). Every other message goes through unchanged.
 */
@Component
class RefusedAddresses implements BeanPostProcessor {
    static final Set<String> REFUSED = ConcurrentHashMap.newKeySet();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof JavaMailSender mail)) {
            return bean;
        }
        return Proxy.newProxyInstance(JavaMailSender.class.getClassLoader(), new Class<?>[] {JavaMailSender.class}, (proxy, method, args) -> {
            if (args != null) {
                for (Object arg : args) {
                    if (arg instanceof SimpleMailMessage m && m.getTo() != null) {
                        for (String to : m.getTo()) {
                            if (REFUSED.contains(to)) {
                                throw refused(m, to);
                            }
                        }
                    }
                }
            }
            try {
                return method.invoke(mail, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    private static MailSendException refused(SimpleMailMessage m, String to) throws Exception {
        MessagingException rcpt = new MessagingException("550 5.1.1 <" + to + ">: Recipient address rejected: User unknown in virtual mailbox table");
        SendFailedException failed = new SendFailedException("Invalid Addresses", rcpt, new Address[0], new Address[0],
                new Address[] {new InternetAddress(to)});
        return new MailSendException(Map.of(m, failed));
    }
}
