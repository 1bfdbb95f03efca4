package uk.gov.placements.placement;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A time a placed child was missing, or away without authorisation, as the provider or the council reported it (903 missing table). */
@Entity
@Table(name = "missing_episode")
public class MissingEpisode {
    /** SSDA903 MISSING: M missing, A away from placement without authorisation. */
    public enum Kind { MISSING, AWAY }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long childId;
    private Long placementId;
    private String council;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private LocalDate startDate;
    private LocalDate endDate;
    private String reportedBy;
    private Instant reportedAt;

    protected MissingEpisode() {
    }

    MissingEpisode(Placement p, Kind kind, LocalDate start, LocalDate end, String reportedBy, Instant reportedAt) {
        this.childId = p.getChildId();
        this.placementId = p.getId();
        this.council = p.getCouncil();
        this.kind = kind;
        this.startDate = start;
        this.endDate = end;
        this.reportedBy = reportedBy;
        this.reportedAt = reportedAt;
    }

    public Long getId() { return id; }
    public Long getChildId() { return childId; }
    public Long getPlacementId() { return placementId; }
    public String getCouncil() { return council; }
    public Kind getKind() { return kind; }
    public LocalDate getStartDate() { return startDate; }
    public LocalDate getEndDate() { return endDate; }
    public String getReportedBy() { return reportedBy; }
    public Instant getReportedAt() { return reportedAt; }
}
