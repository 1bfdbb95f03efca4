package uk.gov.placements.referral;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.placements.calendar.WorkingDays;
import uk.gov.placements.child.Child;
import uk.gov.placements.common.NotFoundException;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.common.UkTime;
import uk.gov.placements.common.Urgency;
import uk.gov.placements.notification.Notification;
import uk.gov.placements.notification.Notifications;
import uk.gov.placements.placement.Placement;
import uk.gov.placements.placement.PlacementLetters;
import uk.gov.placements.placement.PlacementService;
import uk.gov.placements.provider.ProviderService;
import uk.gov.placements.security.Roles;

/**
 * The statutory notifications of a placement. Staff are e-mailed (the child's IRO, the host council's commissioning
 * managers when the child is placed out of area, the council's virtual school for a child of school age); people
 * outside the system (the child, parents, GP, health, school, the previous carer) get a letter: a PDF the social worker
 * downloads, posts, and confirms on Task_SendNotifications. Who is told is prepared once per placement; how each notice
 * goes and is recorded is {@link Notifications}'.
 */
@Service
class PlacementNotices implements PlacementLetters {
    static final int EMERGENCY_NOTICE_WORKING_DAYS = 5;
    private final Notifications notifications;
    private final PlacementService placements;
    private final ReferralRepository referrals;
    private final ProviderService providers;
    private final IdentityService identityService;
    private final WorkingDays workingDays;
    private final Clock clock;

    PlacementNotices(Notifications notifications, PlacementService placements, ReferralRepository referrals, ProviderService providers,
                     IdentityService identityService, WorkingDays workingDays, Clock clock) {
        this.notifications = notifications;
        this.placements = placements;
        this.referrals = referrals;
        this.providers = providers;
        this.identityService = identityService;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    /** Prepares the notifications (once) and e-mails every staff notice not yet sent; throws if any could not go, to retry. */
    void notifyPlacement(Long placementId) {
        notifications.deliver(notifications.prepareOnce(placementId, () -> prepare(placementId)), PlacementNotices::body);
    }

    private List<Notification> prepare(Long placementId) {
        Placement p = placements.get(placementId);
        Referral r = NotFoundException.findOrThrow(referrals, "Referral", p.getReferralId());
        Child child = r.getChild();
        LocalDate due = r.getUrgency() == Urgency.EMERGENCY ? workingDays.plus(p.getStartDate(), EMERGENCY_NOTICE_WORKING_DAYS)
                : p.getStartDate();
        String subject = "Placement of " + child.initials() + " (" + r.getReference() + ") from " + UkFormat.date(p.getStartDate());
        List<Notification> prepared = new ArrayList<>();
        // staff, e-mailed: the child's IRO (else the council's IROs), the host council, the virtual school
        List<User> iros = child.getIro() != null ? Notifications.users(identityService.createUserQuery().userId(child.getIro()).list())
                : Notifications.users(identityService.createUserQuery().memberOfGroup(Roles.IROS).memberOfTenant(p.getCouncil()).list());
        staff(prepared, p, "Independent reviewing officer", iros, subject, due);
        if (p.isOutOfArea()) {
            String host = providers.home(p.getServiceId()).getLocalAuthority();
            staff(prepared, p, "Host council: " + host, Notifications.users(identityService.createUserQuery()
                    .memberOfGroup(Roles.COMMISSIONING_MANAGERS).memberOfTenant(host.toLowerCase(Locale.UK)).list()), subject, due);
        }
        int age = child.ageOn(p.getStartDate());
        if (age >= 5 && age <= 16) {
            staff(prepared, p, "Virtual school", Notifications.users(identityService.createUserQuery().memberOfGroup(Roles.VIRTUAL_SCHOOL)
                    .memberOfTenant(p.getCouncil()).list()), subject, due);
        }
        // people outside the system, by letter
        List<String> letters = new ArrayList<>(List.of("The child", "Parents", "Health", "GP", "School"));
        if (r.isMoving()) {
            letters.add("Previous carer");
        }
        letters.forEach(to -> prepared.add(Notification.letter(placementId, to, subject, due)));
        return prepared;
    }

    private void staff(List<Notification> prepared, Placement p, String role, List<User> users, String subject, LocalDate due) {
        if (users.isEmpty() || !notifications.canEmail()) {
            // nobody in the system to e-mail, or no mail server: a letter, which the social worker sends and confirms,
            // so that nobody goes untold without a task saying so
            prepared.add(Notification.letter(p.getId(), role, subject, due));
            return;
        }
        for (User u : users) {
            prepared.add(Notification.email(p.getId(), role + " (" + u.getId() + ")", u.getEmail(), subject, due));
        }
    }

    private static String body(Notification n) {
        return n.getSubject() + ".\n\nThis is the statutory notification of the placement, due by " + UkFormat.date(n.getDueBy())
                + ". The placement's record is in the placements system.";
    }

    /** A letter as a PDF, addressed to its recipient, for the social worker to print and post. */
    @Override
    @Transactional(readOnly = true)
    public byte[] letter(Long placementId, Long notificationId) {
        Notification n = notifications.of(placementId).stream().filter(x -> x.getId().equals(notificationId)
                && x.getChannel() == Notification.Channel.LETTER).findFirst().orElseThrow(() -> new NotFoundException("Letter", notificationId));
        Placement p = placements.get(placementId);
        Referral r = NotFoundException.findOrThrow(referrals, "Referral", p.getReferralId());
        Child child = r.getChild();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(doc, out);
            doc.open();
            Font heading = new Font(Font.HELVETICA, 14, Font.BOLD);
            Font text = new Font(Font.HELVETICA, 11);
            doc.add(new Paragraph("Children's services, " + p.getCouncil(), text));
            doc.add(new Paragraph(UkFormat.date(UkTime.today(clock)), text));
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
