package uk.gov.placements.audit;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Every decision recorded, for tests that look for one not tied to a referral or a child. */
@Component
public class DecisionFixtures {
    private final DecisionRecordRepository records;

    DecisionFixtures(DecisionRecordRepository records) {
        this.records = records;
    }

    @Transactional(readOnly = true)
    public List<DecisionRecord> all() {
        return records.findAll();
    }
}
