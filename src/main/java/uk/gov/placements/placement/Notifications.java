package uk.gov.placements.placement;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.mail.MailSendException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.placements.audit.Decisions;
import uk.gov.placements.child.Child;
import uk.gov.placements.common.InvalidInputException;
import uk.gov.placements.common.NotFoundException;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.common.UkTime;
import uk.gov.placements.common.Urgency;
import uk.gov.placements.common.WorkingDays;
import uk.gov.placements.provider.CareServiceRepository;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.referral.ReferralRepository;
import uk.gov.placements.security.Roles;

/**
 * The statutory notifications of a placement, true in every record. Staff are e-mailed (the child's IRO, the host
 * council's commissioning managers when the child is placed out of area, the council's virtual school for a child of
 * school age) and a notification is SENT only once the mail server accepted it; a failure is recorded as FAILED with
 * its reason and the step is retried, then raises an incident. People outside the system (the child, parents, GP,
 * health, school, the previous carer) get a letter: a PDF the social worker downloads, posts, and confirms on
 * Task_SendNotifications. Who is told is prepared once per placement and each delivery is recorded in a transaction of
 * its own, so a retry sends only what has not gone.
 */
@Service
public class Notifications {
    static final int EMERGENCY_NOTICE_WORKING_DAYS = 5;
    private final NotificationRepository notifications;
    private final PlacementRepository placements;
    private final ReferralRepository referrals;
    private final CareServiceRepository services;
    private final NotificationSender sender;
    private final IdentityService identityService;
    private final WorkingDays workingDays;
    private final Decisions decisions;
    private final TransactionTemplate ownTransaction;

    public Notifications(NotificationRepository notifications, PlacementRepository placements, ReferralRepository referrals,
                         CareServiceRepository services, NotificationSender sender, IdentityService identityService, WorkingDays workingDays,
                         Decisions decisions, PlatformTransactionManager transactions) {
        this.notifications = notifications;
        this.placements = placements;
        this.referrals = referrals;
        this.services = services;
        this.sender = sender;
        this.identityService = identityService;
        this.workingDays = workingDays;
        this.decisions = decisions;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Prepares the notifications (once) and e-mails every staff notice not yet sent; throws if any could not go, to retry. */
    public void notifyPlacement(Long placementId) {
        deliver(ownTransaction.execute(s -> prepare(placementId)), Notifications::body);
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

    /** E-mails every notice not yet sent, recording each as it goes; throws at the end if any failed, so the step retries. */
    private void deliver(List<Notification> all, Function<Notification, String> body) {
        deliver(all, body, false);
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
                n.sent(sentBy, Decisions.now());
            } else {
                n.failed(failure);
            }
        });
    }

    private List<Notification> prepare(Long placementId) {
        List<Notification> already = notifications.findByPlacementIdOrderByIdAsc(placementId);
        if (!already.isEmpty()) {
            return already;   // prepared on an earlier try of this step
        }
        Placement p = NotFoundException.findOrThrow(placements, "Placement", placementId);
        Referral r = referrals.findById(p.getReferralId()).orElseThrow();
        Child child = r.getChild();
        LocalDate due = r.getUrgency() == Urgency.EMERGENCY ? workingDays.plus(p.getStartDate(), EMERGENCY_NOTICE_WORKING_DAYS)
                : p.getStartDate();
        String subject = "Placement of " + child.initials() + " (" + r.getReference() + ") from " + UkFormat.date(p.getStartDate());
        List<Notification> prepared = new ArrayList<>();
        // staff, e-mailed: the child's IRO (else the council's IROs), the host council, the virtual school
        List<User> iros = child.getIro() != null ? users(identityService.createUserQuery().userId(child.getIro()).list())
                : users(identityService.createUserQuery().memberOfGroup(Roles.IROS).memberOfTenant(p.getCouncil()).list());
        staff(prepared, p, "Independent reviewing officer", iros, subject, due);
        if (p.isOutOfArea()) {
            String host = services.findById(p.getServiceId()).orElseThrow().getLocalAuthority();
            staff(prepared, p, "Host council: " + host, users(identityService.createUserQuery()
                    .memberOfGroup(Roles.COMMISSIONING_MANAGERS).memberOfTenant(host.toLowerCase()).list()), subject, due);
        }
        int age = child.ageOn(p.getStartDate());
        if (age >= 5 && age <= 16) {
            staff(prepared, p, "Virtual school", users(identityService.createUserQuery().memberOfGroup(Roles.VIRTUAL_SCHOOL)
                    .memberOfTenant(p.getCouncil()).list()), subject, due);
        }
        // people outside the system, by letter
        List<String> letters = new ArrayList<>(List.of("The child", "Parents", "Health", "GP", "School"));
        if (r.isMoving()) {
            letters.add("Previous carer");
        }
        letters.forEach(to -> prepared.add(Notification.letter(placementId, to, subject, due)));
        return notifications.saveAll(prepared);
    }

    private void staff(List<Notification> prepared, Placement p, String role, List<User> users, String subject, LocalDate due) {
        if (users.isEmpty() || !sender.canEmail()) {
            // nobody in the system to e-mail, or no mail server: a letter, which the social worker sends and confirms,
            // so that nobody goes untold without a task saying so
            prepared.add(Notification.letter(p.getId(), role, subject, due));
            return;
        }
        for (User u : users) {
            prepared.add(Notification.email(p.getId(), role + " (" + u.getId() + ")", u.getEmail(), subject, due));
        }
    }

    private static List<User> users(List<User> found) {
        return found.stream().filter(u -> u.getEmail() != null && !u.getEmail().isBlank()).toList();
    }

    private static String body(Notification n) {
        return n.getSubject() + ".\n\nThis is the statutory notification of the placement, due by " + UkFormat.date(n.getDueBy())
                + ". The placement's record is in the placements system.";
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
            n.sent(decisions.actor(), Decisions.now());
        }
    }

    /** A letter as a PDF, addressed to its recipient, for the social worker to print and post. */
    @Transactional(readOnly = true)
    public byte[] letter(Long placementId, Long notificationId) {
        Notification n = notifications.findById(notificationId).filter(x -> x.getPlacementId().equals(placementId)
                && x.getChannel() == Notification.Channel.LETTER).orElseThrow(() -> new NotFoundException("Letter", notificationId));
        Placement p = placements.findById(placementId).orElseThrow();
        Referral r = referrals.findById(p.getReferralId()).orElseThrow();
        Child child = r.getChild();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(doc, out);
            doc.open();
            Font heading = new Font(Font.HELVETICA, 14, Font.BOLD);
            Font text = new Font(Font.HELVETICA, 11);
            doc.add(new Paragraph("Children's services, " + p.getCouncil(), text));
            doc.add(new Paragraph(UkFormat.date(UkTime.today()), text));
            doc.add(new Paragraph(" "));
            doc.add(new Paragraph("To: " + n.getRecipient(), text));
            doc.add(new Paragraph(" "));
            doc.add(new Paragraph("Notification of a placement", heading));
            doc.add(new Paragraph(" "));
            doc.add(new Paragraph("Child: " + child.getFirstName() + " " + child.getLastName() + ", born "
                    + UkFormat.date(child.getDateOfBirth()) + " (our reference " + r.getReference() + ")", text));
            doc.add(new Paragraph("The child will live in a placement of the type " + UkFormat.label(p.getPlacementType()).toLowerCase(Locale.UK) + " from "
                    + UkFormat.date(p.getStartDate()) + ".", text));
            doc.add(new Paragraph("This notice is given under the Care Planning, Placement and Case Review (England) Regulations 2010."
                    + " Please contact the child's social worker with any question.", text));
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The letter could not be written", e);
        }
        return out.toByteArray();
    }
}
