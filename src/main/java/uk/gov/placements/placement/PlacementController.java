package uk.gov.placements.placement;

import uk.gov.placements.notification.Notification;
import uk.gov.placements.notification.Notifications;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.placements.child.ChildService;
import uk.gov.placements.common.NotFoundException;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.provider.Provider;
import uk.gov.placements.security.CurrentUser;
import uk.gov.placements.security.Roles;

@RestController
@RequestMapping("/api/placements")
class PlacementController {
    private final PlacementRepository placements;
    private final ChildService children;
    private final CurrentUser currentUser;
    private final PlacementService service;
    private final Notifications notifications;
    private final PlacementLetters letters;

    PlacementController(PlacementRepository placements, ChildService children, CurrentUser currentUser, PlacementService service,
                        Notifications notifications, PlacementLetters letters) {
        this.notifications = notifications;
        this.letters = letters;
        this.service = service;
        this.placements = placements;
        this.children = children;
        this.currentUser = currentUser;
    }

    /** A placement with its 903 facts and its approval; {@code unplannedEnd} is null until it ends. */
    record PlacementView(Long id, Long childId, Long referralId, String council, PlacementStatus status, PlacementType placementType,
                         Long serviceId, Long providerId, boolean inHouse, String startDate, String endDate, BigDecimal weeklyCost,
                         double distanceMiles, boolean outOfArea, boolean atDistance, boolean secondBest, String secondBestReason,
                         boolean siblingsPlacedTogether, String place, String placeProvider, String reasonPlaceChange, String homePostcode,
                         String placementPostcode, String providerUrn, String approvedBy, String approverGroup, String approvedAt,
                         String planDue, String reasonEpisodeCeased, String endReasonPlaceChange, Boolean unplannedEnd) {
    }

    /** A statutory notification; {@code letter} is the PDF's address for one sent by post, null otherwise. */
    record NotificationView(Long id, String recipient, Notification.Channel channel, String dueBy, Notification.Status status, String sentAt,
                            String sentBy, String failure, String letter) {
    }

    record MissingEpisodeView(Long id, Long placementId, MissingEpisode.Kind kind, String start, String end, String reportedBy) {
    }

    @GetMapping
    List<PlacementView> list(@RequestParam(required = false) Long childId) {
        if (childId == null) {
            return placements.findByCouncilInOrderByStartDateDescIdDesc(currentUser.councils()).stream().map(PlacementController::view).toList();
        }
        children.find(childId).filter(c -> currentUser.canSeeCouncil(c.getCouncil()))
                .orElseThrow(() -> new NotFoundException("Child", childId));
        return placements.findByChildIdOrderByStartDateAscIdAsc(childId).stream().map(PlacementController::view).toList();
    }

    /** The placement's statutory notifications: to whom, how, by when, and whether each went (and who sent a letter). */
    @GetMapping("/{id}/notifications")
    List<NotificationView> notifications(@PathVariable Long id) {
        Placement p = visible(id);
        currentUser.requireAnyGroup(Roles.STAFF.toArray(String[]::new));
        return notifications.of(p.getId()).stream().map(n -> new NotificationView(n.getId(), n.getRecipient(), n.getChannel(),
                n.getDueBy().toString(), n.getStatus(), n.getSentAt() == null ? null : n.getSentAt().toString(), n.getSentBy(), n.getFailure(),
                n.getChannel() == Notification.Channel.LETTER ? "/api/placements/" + id + "/notifications/" + n.getId() + "/letter" : null))
                .toList();
    }

    /** A notification letter as a PDF, for the child's social worker (or team manager) to print and post. */
    @GetMapping(value = "/{id}/notifications/{notificationId}/letter", produces = "application/pdf")
    ResponseEntity<byte[]> letter(@PathVariable Long id, @PathVariable Long notificationId) {
        Placement p = visible(id);
        currentUser.requireAnyGroup(Roles.SOCIAL_WORKERS, Roles.TEAM_MANAGERS);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"notification-" + notificationId + ".pdf\"")
                .body(letters.letter(p.getId(), notificationId));
    }

    /** Another council's placement is answered as one that does not exist. */
    private Placement visible(Long id) {
        return placements.findById(id).filter(x -> currentUser.canSeeCouncil(x.getCouncil()))
                .orElseThrow(() -> new NotFoundException("Placement", id));
    }

    /** A time the child was missing or away: the placement's provider reports it, or the council's social workers. */
    @PostMapping("/{id}/missing-episodes")
    @ResponseStatus(HttpStatus.CREATED)
    MissingEpisodeView missing(@PathVariable Long id, @RequestBody PlacementService.MissingReport body) {
        Placement p = reportable(id);
        MissingEpisode m = service.reportMissing(p.getId(), body);
        return missingView(m);
    }

    @GetMapping("/{id}/missing-episodes")
    List<MissingEpisodeView> missingEpisodes(@PathVariable Long id) {
        Placement p = reportable(id);
        return service.missingEpisodes(p.getId()).stream().map(PlacementController::missingView).toList();
    }

    /** The placement's own provider's staff, or the social workers and team managers of its council; anyone else is told it is not there. */
    private Placement reportable(Long id) {
        return placements.findById(id).filter(x -> currentUser.inGroup(Provider.groupOf(x.getProviderId()))
                        || currentUser.canSeeCouncil(x.getCouncil()) && (currentUser.inGroup(Roles.SOCIAL_WORKERS) || currentUser.inGroup(Roles.TEAM_MANAGERS)))
                .orElseThrow(() -> new NotFoundException("Placement", id));
    }

    private static MissingEpisodeView missingView(MissingEpisode m) {
        return new MissingEpisodeView(m.getId(), m.getPlacementId(), m.getKind(), m.getStartDate().toString(),
                m.getEndDate() == null ? null : m.getEndDate().toString(), m.getReportedBy());
    }

    /** Ends a placement (social workers and team managers of the child's council). */
    @PostMapping("/{id}/end")
    PlacementView end(@PathVariable Long id, @RequestBody PlacementService.Ending body) {
        Placement p = visible(id);
        currentUser.requireAnyGroup(Roles.SOCIAL_WORKERS, Roles.TEAM_MANAGERS);
        return view(service.end(p.getId(), body));
    }

    static PlacementView view(Placement p) {
        return new PlacementView(p.getId(), p.getChildId(), p.getReferralId(), p.getCouncil(), p.getStatus(), p.getPlacementType(),
                p.getServiceId(), p.getProviderId(), p.isInHouse(), p.getStartDate().toString(),
                p.getEndDate() == null ? null : p.getEndDate().toString(), p.getWeeklyCost(), p.getDistanceMiles(), p.isOutOfArea(),
                p.isAtDistance(), p.isSecondBest(), p.getSecondBestReason(), p.isSiblingsPlacedTogether(), p.getPlaceCode(),
                p.getPlaceProviderCode(), p.getReasonPlaceChange(), p.getHomePostcode(), p.getPlacementPostcode(), p.getProviderUrn(),
                p.getApprovedBy(), p.getApproverGroup(), p.getApprovedAt().toString(), p.getPlanDue().toString(), p.getReasonEpisodeCeased(),
                p.getEndReasonPlaceChange(), p.getStatus() == PlacementStatus.ENDED ? p.isUnplannedEnd() : null);
    }
}
