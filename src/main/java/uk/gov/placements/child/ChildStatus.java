package uk.gov.placements.child;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import uk.gov.placements.common.LegalStatus;

/** A child's legal status and category of need from a day on: the SSDA903 episode that starts that day carries them. */
@Entity
@Table(name = "child_status")
public class ChildStatus {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long childId;
    private LocalDate fromDate;
    @Enumerated(EnumType.STRING)
    private LegalStatus legalStatus;
    private String categoryOfNeed;
    private String recordedBy;
    private Instant recordedAt;

    protected ChildStatus() {
    }

    ChildStatus(Long childId, LocalDate fromDate, LegalStatus legalStatus, String categoryOfNeed, String recordedBy, Instant recordedAt) {
        this.childId = childId;
        this.fromDate = fromDate;
        this.legalStatus = legalStatus;
        this.categoryOfNeed = categoryOfNeed;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getChildId() { return childId; }
    public LocalDate getFromDate() { return fromDate; }
    public LegalStatus getLegalStatus() { return legalStatus; }
    public String getCategoryOfNeed() { return categoryOfNeed; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
}
