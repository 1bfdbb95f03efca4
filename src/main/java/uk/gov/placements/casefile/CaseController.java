package uk.gov.placements.casefile;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.placements.child.ChildService;
import uk.gov.placements.common.NotFoundException;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.referral.ReferralService;
import uk.gov.placements.referral.ReferralTimeline;
import uk.gov.placements.security.CurrentUser;

/**
 * The case pages' data: a referral's and a child's whole case for the council's own staff. A provider's staff get
 * their own offer's part of a referral and no child; another council's case is answered as one that does not exist.
 */
@RestController
@RequestMapping("/api/cases")
class CaseController {
    private final CaseFiles cases;
    private final ReferralService referrals;
    private final ReferralTimeline timelines;
    private final ChildService children;
    private final CurrentUser currentUser;
    private final CaseLinks links;

    CaseController(CaseFiles cases, ReferralService referrals, ReferralTimeline timelines, ChildService children, CurrentUser currentUser,
                   CaseLinks links) {
        this.cases = cases;
        this.links = links;
        this.referrals = referrals;
        this.timelines = timelines;
        this.children = children;
        this.currentUser = currentUser;
    }

    @GetMapping("/referrals/{id}")
    CaseFiles.ReferralCase referral(@PathVariable Long id) {
        Referral r = referrals.get(id);
        if (currentUser.canSeeCouncil(r.getCouncil())) {
            return cases.referral(r);
        }
        return timelines.visibleTo(r, currentUser)
                .map(theirs -> new CaseFiles.ReferralCase(r.getId(), r.getReference(), null, null, List.of(), theirs,
                        List.of(), List.of()))
                .orElseThrow(() -> new NotFoundException("Referral", id));
    }

    @GetMapping("/children/{id}")
    CaseFiles.ChildCase child(@PathVariable Long id) {
        return children.find(id).filter(c -> currentUser.canSeeCouncil(c.getCouncil())).map(cases::child)
                .orElseThrow(() -> new NotFoundException("Child", id));
    }

    /** The case a task is about, for the Tasklist's Case tab: 404 for a task this person cannot see. */
    @GetMapping("/tasks/{taskId}")
    CaseLinks.CaseLink ofTask(@PathVariable String taskId) {
        return links.ofTask(taskId, currentUser).orElseThrow(() -> new NotFoundException("Task", taskId));
    }

    /** The case a process is about, for the confirmation after a referral is started. */
    @GetMapping("/processes/{processInstanceId}")
    CaseLinks.CaseLink ofProcess(@PathVariable String processInstanceId) {
        return links.ofProcess(processInstanceId, currentUser).orElseThrow(() -> new NotFoundException("Process", processInstanceId));
    }
}
