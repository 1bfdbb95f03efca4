package uk.gov.placements.child;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import uk.gov.placements.common.LegalStatus;

@Entity
public class Child {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String council;
    private String firstName;
    private String lastName;
    private LocalDate dateOfBirth;
    private String gender;
    private String postcode;
    private double latitude;
    private double longitude;
    @Enumerated(EnumType.STRING)
    private LegalStatus legalStatus;
    private LocalDate lookedAfterSince;
    private String categoryOfNeed;
    private String ethnicity;
    private String upn;
    private boolean uasc;
    private LocalDate uascCeased;
    private Boolean mother;
    private LocalDate motherChildDob;
    private String allocatedSocialWorker;
    private String iro;
    private Instant createdAt;

    protected Child() {
    }

    public Child(String council, String firstName, String lastName, LocalDate dateOfBirth, String gender, String postcode,
                 double latitude, double longitude, LegalStatus legalStatus, Instant createdAt) {
        this.council = council;
        this.firstName = firstName;
        this.lastName = lastName;
        this.dateOfBirth = dateOfBirth;
        this.gender = gender;
        this.postcode = postcode;
        this.latitude = latitude;
        this.longitude = longitude;
        this.legalStatus = legalStatus;
        this.createdAt = createdAt;
    }

    public int ageOn(LocalDate date) {
        return Period.between(dateOfBirth, date).getYears();
    }

    /** Initials only: what a task list or a provider may see of the child's name. */
    public String initials() {
        return firstName.substring(0, 1).toUpperCase() + "." + lastName.substring(0, 1).toUpperCase() + ".";
    }

    /** SSDA903 CIN, N1 to N8. */
    Child categoryOfNeed(String cin) {
        this.categoryOfNeed = cin;
        return this;
    }

    /** Left care: a return to care is a new period, with its first review within 20 working days of the new start. */
    void leftCare() {
        this.lookedAfterSince = null;
    }

    void becameLookedAfter(LocalDate date) {
        if (lookedAfterSince == null) {
            lookedAfterSince = date;
        }
    }

    /** What the SSDA903 header and UASC tables hold of the child, checked by {@link ChildService#recordSsda903}. */
    void ssda903(String ethnicity, String upn, boolean uasc, LocalDate uascCeased, Boolean mother, LocalDate motherChildDob) {
        this.ethnicity = ethnicity;
        this.upn = upn;
        this.uasc = uasc;
        this.uascCeased = uascCeased;
        this.mother = mother;
        this.motherChildDob = motherChildDob;
    }

    /** The legal status and category of need from now on (their history is {@link ChildStatus}). */
    void status(LegalStatus legalStatus, String categoryOfNeed) {
        this.legalStatus = legalStatus;
        this.categoryOfNeed = categoryOfNeed;
    }

    /** The social worker and the IRO the child's tasks go to. */
    void allocate(String socialWorker, String iro) {
        this.allocatedSocialWorker = socialWorker;
        this.iro = iro;
    }

    public String getEthnicity() { return ethnicity; }
    public String getUpn() { return upn; }
    public boolean isUasc() { return uasc; }
    public LocalDate getUascCeased() { return uascCeased; }
    public Boolean getMother() { return mother; }
    public LocalDate getMotherChildDob() { return motherChildDob; }
    public Long getId() { return id; }
    public String getCouncil() { return council; }
    public String getFirstName() { return firstName; }
    public String getLastName() { return lastName; }
    public LocalDate getDateOfBirth() { return dateOfBirth; }
    public String getGender() { return gender; }
    public String getPostcode() { return postcode; }
    public double getLatitude() { return latitude; }
    public double getLongitude() { return longitude; }
    public LegalStatus getLegalStatus() { return legalStatus; }
    public LocalDate getLookedAfterSince() { return lookedAfterSince; }
    public String getCategoryOfNeed() { return categoryOfNeed; }
    public String getAllocatedSocialWorker() { return allocatedSocialWorker; }
    public String getIro() { return iro; }
}
