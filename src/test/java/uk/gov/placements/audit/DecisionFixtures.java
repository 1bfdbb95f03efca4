package uk.gov.placements.audit;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Every decision recorded, for tests that look for one not tied to a referral or a child. */
@Component
public class DecisionFixtures {
    private final DecisionRecordRepository records;

    DecisionFixtures(DecisionRecordRepository records) {
        this.records = records;
    }

    /** In the order they were made: a table read without an order comes back in any order on PostgreSQL. */
    @Transactional(readOnly = true)
    public List<DecisionRecord> all() {
        return records.findAll(Sort.by("decidedAt", "id"));
    }
}
