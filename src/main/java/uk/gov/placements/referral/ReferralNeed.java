package uk.gov.placements.referral;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import uk.gov.placements.common.NeedCode;

@Embeddable
public class ReferralNeed {
    @Enumerated(EnumType.STRING)
    private NeedCode code;
    private boolean essential;

    protected ReferralNeed() {
    }

    public ReferralNeed(NeedCode code, boolean essential) {
        this.code = code;
        this.essential = essential;
    }

    public NeedCode getCode() { return code; }
    public boolean isEssential() { return essential; }
}
