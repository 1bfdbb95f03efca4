package uk.gov.placements.placement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import uk.gov.placements.child.ChildRepository;
import uk.gov.placements.common.NotFoundException;
import uk.gov.placements.provider.Provider;
import uk.gov.placements.security.CurrentUser;
import uk.gov.placements.security.Roles;

@RestController
@RequestMapping("/api/placements")
class PlacementController {
    private final PlacementRepository placements;
    private final ChildRepository children;
    private final CurrentUser currentUser;
    private final PlacementService service;
    private final Notifications notifications;

    PlacementController(PlacementRepository placements, ChildRepository children, CurrentUser currentUser, PlacementService service,
                        Notifications notifications) {
        this.notifications = notifications;
        this.service = service;
        this.placements = placements;
        this.children = children;
        this.currentUser = currentUser;
    }

    @GetMapping
    List<Map<String, Object>> list(@RequestParam(required = false) Long childId) {
        if (childId == null) {
            return placements.findByCouncilInOrderByStartDateDescIdDesc(currentUser.councils()).stream().map(PlacementController::view).toList();
        }
        children.findById(childId).filter(c -> currentUser.canSeeCouncil(c.getCouncil()))
                .orElseThrow(() -> new NotFoundException("Child", childId));
        return placements.findByChildIdOrderByStartDateAscIdAsc(childId).stream().map(PlacementController::view).toList();
    }

    /** The placement's statutory notifications: to whom, how, by when, and whether each went (and who sent a letter). */
    @GetMapping("/{id}/notifications")
    List<Map<String, Object>> notifications(@PathVariable Long id) {
        Placement p = visible(id);
        currentUser.requireAnyGroup(Roles.STAFF.toArray(String[]::new));
        return notifications.of(p.getId()).stream().map(n -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", n.getId());
            m.put("recipient", n.getRecipient());
            m.put("channel", n.getChannel());
            m.put("dueBy", n.getDueBy().toString());
            m.put("status", n.getStatus());
            m.put("sentAt", n.getSentAt() == null ? null : n.getSentAt().toString());
            m.put("sentBy", n.getSentBy());
            m.put("failure", n.getFailure());
            m.put("letter", n.getChannel() == Notification.Channel.LETTER ? "/api/placements/" + id + "/notifications/" + n.getId() + "/letter" : null);
            return m;
        }).toList();
    }

    /** A notification letter as a PDF, for the child's social worker (or team manager) to print and post. */
    @GetMapping(value = "/{id}/notifications/{notificationId}/letter", produces = "application/pdf")
    ResponseEntity<byte[]> letter(@PathVariable Long id, @PathVariable Long notificationId) {
        Placement p = visible(id);
        currentUser.requireAnyGroup(Roles.SOCIAL_WORKERS, Roles.TEAM_MANAGERS);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"notification-" + notificationId + ".pdf\"")
                .body(notifications.letter(p.getId(), notificationId));
    }

    /** Another council's placement is answered as one that does not exist. */
    private Placement visible(Long id) {
        return placements.findById(id).filter(x -> currentUser.canSeeCouncil(x.getCouncil()))
                .orElseThrow(() -> new NotFoundException("Placement", id));
    }

    /** A time the child was missing or away: the placement's provider reports it, or the council's social workers. */
    @PostMapping("/{id}/missing-episodes")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> missing(@PathVariable Long id, @RequestBody PlacementService.MissingReport body) {
        Placement p = reportable(id);
        MissingEpisode m = service.reportMissing(p.getId(), body);
        return missingView(m);
    }

    @GetMapping("/{id}/missing-episodes")
    List<Map<String, Object>> missingEpisodes(@PathVariable Long id) {
        Placement p = reportable(id);
        return service.missingEpisodes(p.getId()).stream().map(PlacementController::missingView).toList();
    }

    /** The placement's own provider's staff, or the social workers and team managers of its council; anyone else is told it is not there. */
    private Placement reportable(Long id) {
        return placements.findById(id).filter(x -> currentUser.inGroup(Provider.groupOf(x.getProviderId()))
                        || currentUser.canSeeCouncil(x.getCouncil()) && (currentUser.inGroup(Roles.SOCIAL_WORKERS) || currentUser.inGroup(Roles.TEAM_MANAGERS)))
                .orElseThrow(() -> new NotFoundException("Placement", id));
    }

    private static Map<String, Object> missingView(MissingEpisode m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", m.getId());
        v.put("placementId", m.getPlacementId());
        v.put("kind", m.getKind());
        v.put("start", m.getStartDate().toString());
        v.put("end", m.getEndDate() == null ? null : m.getEndDate().toString());
        v.put("reportedBy", m.getReportedBy());
        return v;
    }

    /** Ends a placement (social workers and team managers of the child's council). */
    @PostMapping("/{id}/end")
    Map<String, Object> end(@PathVariable Long id, @RequestBody PlacementService.Ending body) {
        Placement p = visible(id);
        currentUser.requireAnyGroup(Roles.SOCIAL_WORKERS, Roles.TEAM_MANAGERS);
        return view(service.end(p.getId(), body));
    }

    static Map<String, Object> view(Placement p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.getId());
        m.put("childId", p.getChildId());
        m.put("referralId", p.getReferralId());
        m.put("council", p.getCouncil());
        m.put("status", p.getStatus());
        m.put("placementType", p.getPlacementType());
        m.put("serviceId", p.getServiceId());
        m.put("providerId", p.getProviderId());
        m.put("inHouse", p.isInHouse());
        m.put("startDate", p.getStartDate().toString());
        m.put("endDate", p.getEndDate() == null ? null : p.getEndDate().toString());
        m.put("weeklyCost", p.getWeeklyCost());
        m.put("distanceMiles", p.getDistanceMiles());
        m.put("outOfArea", p.isOutOfArea());
        m.put("atDistance", p.isAtDistance());
        m.put("secondBest", p.isSecondBest());
        m.put("secondBestReason", p.getSecondBestReason());
        m.put("siblingsPlacedTogether", p.isSiblingsPlacedTogether());
        m.put("place", p.getPlaceCode());
        m.put("placeProvider", p.getPlaceProviderCode());
        m.put("reasonPlaceChange", p.getReasonPlaceChange());
        m.put("homePostcode", p.getHomePostcode());
        m.put("placementPostcode", p.getPlacementPostcode());
        m.put("providerUrn", p.getProviderUrn());
        m.put("approvedBy", p.getApprovedBy());
        m.put("approverGroup", p.getApproverGroup());
        m.put("approvedAt", p.getApprovedAt().toString());
        m.put("planDue", p.getPlanDue().toString());
        m.put("reasonEpisodeCeased", p.getReasonEpisodeCeased());
        m.put("endReasonPlaceChange", p.getEndReasonPlaceChange());
        m.put("unplannedEnd", p.getStatus() == PlacementStatus.ENDED ? p.isUnplannedEnd() : null);
        return m;
    }
}
