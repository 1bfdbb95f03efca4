package uk.gov.placements.child;

/**
 * A child's allocated social worker or IRO changed: each feature that holds tasks about the child moves its
 * open ones from the previous worker (or, at a first allocation, from the group's queue) to the new one.
 */
public record ChildAllocated(Long childId, String council, String previousSocialWorker, String socialWorker, String previousIro,
                             String iro) {
}
