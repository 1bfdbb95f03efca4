package uk.gov.placements.iro;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** IRO reviews read as tests check them, where no service of the module would do it. */
@Component
public class IroReviewFixtures {
    private final IroReviewRepository reviews;

    IroReviewFixtures(IroReviewRepository reviews) {
        this.reviews = reviews;
    }

    /** The child's latest scheduled review. */
    @Transactional(readOnly = true)
    public Optional<IroReview> scheduled(Long childId) {
        return reviews.findFirstByChildIdAndStatusOrderBySequenceNumberDesc(childId, IroReview.Status.SCHEDULED);
    }
}
