package uk.gov.placements.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.mail.MailSendException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.placements.audit.Decisions;
import uk.gov.placements.common.InvalidInputException;

/**
 * Notices, true in every record: a notice is SENT only once the mail server accepted the e-mail (or the person who
 * posted a letter confirmed it), a failure is recorded as FAILED with its reason, and what was prepared is prepared
 * once, each delivery recorded in a transaction of its own, so a retried step sends only what has not gone. The
 * modules decide who is told and what it says; this is how it goes and how it is recorded.
 */
@Service
public class Notifications {
    private final NotificationRepository notifications;
    private final NotificationSender sender;
    private final Decisions decisions;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    public Notifications(NotificationRepository notifications, NotificationSender sender, Decisions decisions,
                         PlatformTransactionManager transactions, Clock clock) {
        this.notifications = notifications;
        this.sender = sender;
        this.decisions = decisions;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Whether e-mail can go at all: without a mail server (the demo), staff are sent letters instead. */
    public boolean canEmail() {
        return sender.canEmail();
    }

    /**
     * A placement's notices, prepared once: on a retried step the ones already recorded are returned and nothing new is
     * prepared, so nobody is told twice.
     */
    public List<Notification> prepareOnce(Long placementId, Supplier<List<Notification>> prepare) {
        return ownTransaction.execute(s -> {
            List<Notification> already = notifications.findByPlacementIdOrderByIdAsc(placementId);
            return !already.isEmpty() ? already : notifications.saveAll(prepare.get());
        });
    }

    /** E-mails every notice not yet sent, recording each as it goes; throws at the end if any failed, so the step retries. */
    public void deliver(List<Notification> all, Function<Notification, String> body) {
        deliver(all, body, false);
    }

    /**
     * E-mails each of a provider's people (those with an address) about the provider itself, once per subject: the
     * notices are prepared on the first try and a retry sends only those not yet gone. Each is SENT only once the mail
     * server took it; throws, to retry, if any could not go. Nobody to e-mail prepares nothing: nothing is recorded
     * as told that was not.
     */
    public List<Notification> emailProvider(Long providerId, List<User> people, String subject, String text, LocalDate dueBy) {
        List<Notification> all = ownTransaction.execute(s -> {
            List<Notification> already = notifications.findByProviderIdAndSubjectOrderByIdAsc(providerId, subject);
            return !already.isEmpty() ? already : notifications.saveAll(users(people).stream()
                    .map(u -> Notification.emailToProvider(providerId, "Provider's staff (" + u.getId() + ")", u.getEmail(), subject, dueBy))
                    .toList());
        });
        deliver(all, n -> text);
        return notifications.findAllById(all.stream().map(Notification::getId).toList());
    }

    /**
     * E-mails one address outside the system (a provider's referral address) once: the notice is prepared on the first
     * try and a retry sends it only if it has not gone. SENT once the mail server took it. An address the mail server
     * refused for good (the mailbox does not exist) is recorded FAILED, "not delivered to" it with the server's reason,
     * and returned: trying again cannot help, and the caller records it where people will see it. Anything else (the
     * mail server down, a refusal for now) is recorded FAILED and throws, so the step retries and then raises an incident.
     */
    public Notification emailOnce(Long providerId, String recipient, String address, String subject, String text, LocalDate dueBy) {
        Notification n = ownTransaction.execute(s -> notifications.findByProviderIdAndSubjectOrderByIdAsc(providerId, subject).stream()
                .filter(x -> address.equals(x.getAddress())).findFirst()
                .orElseGet(() -> notifications.save(Notification.emailToProvider(providerId, recipient, address, subject, dueBy))));
        deliver(List.of(n), x -> text, true);
        return notifications.findById(n.getId()).orElseThrow();
    }

    /** As above; with {@code refusalIsFinal}, an address the mail server refused for good is recorded and not retried. */
    private void deliver(List<Notification> all, Function<Notification, String> body, boolean refusalIsFinal) {
        List<String> failures = new ArrayList<>();
        for (Notification n : all) {
            if (n.getChannel() != Notification.Channel.EMAIL || n.getStatus() == Notification.Status.SENT) {
                continue;
            }
            if (!sender.canEmail()) {
                record(n.getId(), null, "No mail server is configured: the e-mail could not be sent");
                continue;
            }
            try {
                sender.email(n.getAddress(), n.getSubject(), body.apply(n));
                record(n.getId(), Decisions.SYSTEM, null);
            } catch (RuntimeException e) {
                String refused = refusalIsFinal ? refusedForGood(e) : null;
                if (refused != null) {
                    record(n.getId(), null, "Not delivered to " + n.getAddress() + ": " + refused);
                    continue;
                }
                record(n.getId(), null, "The mail server did not accept the message: " + e.getMessage());
                failures.add(n.getRecipient());
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("Notifications not delivered, to be retried: " + failures);
        }
    }

    /**
     * The mail server's reason when it refused the address itself for good: JavaMail lists a recipient answered with a
     * permanent (5xx) refusal as an invalid address, and one refused for now (4xx, a full mailbox) as valid but unsent.
     * Null for everything else (no connection, a refusal for now), which a retry may cure.
     */
    static String refusedForGood(Throwable e) {
        Deque<Throwable> todo = new ArrayDeque<>(List.of(e));
        Set<Throwable> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Throwable t = todo.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof SendFailedException sf && sf.getInvalidAddresses() != null && sf.getInvalidAddresses().length > 0) {
                Throwable why = sf.getNextException() != null ? sf.getNextException() : sf;
                return why.getMessage() == null ? "the mail server refused the address" : why.getMessage().trim();
            }
            if (t instanceof MailSendException m) {
                todo.addAll(m.getFailedMessages().values());
            }
            if (t instanceof MessagingException me && me.getNextException() != null) {
                todo.add(me.getNextException());
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
        }
        return null;
    }

    private void record(Long notificationId, String sentBy, String failure) {
        ownTransaction.executeWithoutResult(s -> {
            Notification n = notifications.findById(notificationId).orElseThrow();
            if (failure == null) {
                n.sent(sentBy, clock.instant());
            } else {
                n.failed(failure);
            }
        });
    }

    /** The people among those found who can be e-mailed (an address on record). */
    public static List<User> users(List<User> found) {
        return found.stream().filter(u -> u.getEmail() != null && !u.getEmail().isBlank()).toList();
    }

    public List<Notification> of(Long placementId) {
        return notifications.findByPlacementIdOrderByIdAsc(placementId);
    }

    /** The letters still to send, as the social worker's task lists them. */
    public List<Notification> lettersToSend(Long placementId) {
        return of(placementId).stream().filter(n -> n.getChannel() == Notification.Channel.LETTER && n.getStatus() != Notification.Status.SENT)
                .toList();
    }

    /** The social worker confirms the letters posted: every one still to send, each recorded with who and when. */
    @Transactional
    public void lettersSent(Long placementId, List<Long> confirmed, String field) {
        List<Notification> open = lettersToSend(placementId);
        Set<Long> ids = new HashSet<>(confirmed);
        List<String> missing = open.stream().filter(n -> !ids.contains(n.getId())).map(Notification::getRecipient).toList();
        if (!missing.isEmpty()) {
            throw InvalidInputException.of(field, "must confirm every letter sent; not yet: " + String.join(", ", missing));
        }
        for (Notification n : open) {
            n.sent(decisions.actor(), clock.instant());
        }
    }
}
