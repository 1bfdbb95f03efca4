package uk.gov.placements.casefile;

import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.placements.child.Child;
import uk.gov.placements.child.ChildService;
import uk.gov.placements.iro.IroReviewProcess;
import uk.gov.placements.monitoring.ContractMonitoringProcess;
import uk.gov.placements.placement.PlacementService;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.referral.ReferralService;
import uk.gov.placements.referral.ReferralTimeline;
import uk.gov.placements.security.CurrentUser;
import uk.gov.placements.security.SystemActions;

/**
 * Which case a task or a process belongs to, for the Tasklist's Case tab and its confirmation after a completion. The
 * referral is found by its process (a search runs under its referral's), a child's reviews and a placement's monitoring
 * by the keys the product starts them with; the case is offered only to someone who may see it.
 */
@Service
public class CaseLinks {
    /** The referral and child a task or process is about; either may be absent (a review has no referral). */
    public record CaseLink(Long referralId, String reference, Long childId, String child) {
    }

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final ReferralService referrals;
    private final ChildService children;
    private final PlacementService placements;
    private final SystemActions system;
    private final ReferralTimeline timelines;

    public CaseLinks(TaskService taskService, RuntimeService runtimeService, ReferralService referrals, ChildService children,
                     PlacementService placements, SystemActions system, ReferralTimeline timelines) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.referrals = referrals;
        this.children = children;
        this.placements = placements;
        this.system = system;
        this.timelines = timelines;
    }

    /** The case of a task this person may see (the engine's own authorization decides that). */
    @Transactional(readOnly = true)
    public Optional<CaseLink> ofTask(String taskId, CurrentUser user) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        return task == null || task.getProcessInstanceId() == null ? Optional.empty() : ofProcess(task.getProcessInstanceId(), user);
    }

    @Transactional(readOnly = true)
    public Optional<CaseLink> ofProcess(String processInstanceId, CurrentUser user) {
        ProcessInstance root = system.run(() -> root(processInstanceId));
        if (root == null) {
            return Optional.empty();
        }
        Optional<Referral> referral = referrals.findByProcessInstance(root.getId());
        if (referral.isPresent()) {
            Referral r = referral.get();
            if (user.canSeeCouncil(r.getCouncil())) {
                return Optional.of(link(r, r.getChild()));
            }
            // a provider's staff asked for an offer reach their own part of the referral, and nothing of the child
            return timelines.visibleTo(r, user).map(theirs -> new CaseLink(r.getId(), r.getReference(), null, null));
        }
        String key = root.getBusinessKey() == null ? "" : root.getBusinessKey();
        Optional<Child> child = Optional.empty();
        Referral placedBy = null;
        if (key.startsWith(IroReviewProcess.KEY_PREFIX)) {
            child = number(key).flatMap(children::find);
        } else if (key.startsWith(ContractMonitoringProcess.KEY_PREFIX)) {
            var placement = number(key).flatMap(placements::find);
            child = placement.flatMap(p -> children.find(p.getChildId()));
            placedBy = placement.map(p -> p.getReferralId()).flatMap(referrals::find).orElse(null);
        }
        Referral referredBy = placedBy;
        return child.filter(c -> user.canSeeCouncil(c.getCouncil())).map(c -> referredBy == null
                ? new CaseLink(null, null, c.getId(), c.getFirstName() + " " + c.getLastName()) : link(referredBy, c));
    }

    private static CaseLink link(Referral r, Child c) {
        return new CaseLink(r.getId(), r.getReference(), c.getId(), c.getFirstName() + " " + c.getLastName());
    }

    private ProcessInstance root(String processInstanceId) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        while (instance != null) {
            ProcessInstance parent = runtimeService.createProcessInstanceQuery().subProcessInstanceId(instance.getId()).singleResult();
            if (parent == null) {
                return instance;
            }
            instance = parent;
        }
        return null;
    }

    private static Optional<Long> number(String key) {
        try {
            return Optional.of(Long.parseLong(key.substring(key.lastIndexOf('-') + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
