package uk.gov.placements.common;

/** The need codes of the spec: what a child needs and what a service specialises in. */
public enum NeedCode {
    AUTISM, LEARNING_DISABILITY, PHYSICAL_DISABILITY, EMOTIONAL_BEHAVIOURAL, MENTAL_HEALTH, SELF_HARM,
    SUBSTANCE_MISUSE, SEXUAL_EXPLOITATION_RISK, CRIMINAL_EXPLOITATION_RISK, GOING_MISSING,
    UNACCOMPANIED_ASYLUM_SEEKING, SIBLING_GROUP, PARENT_AND_CHILD, EHCP_EDUCATION;

    /** The need in plain English, as {@link UkFormat} writes it. */
    public String label() {
        return UkFormat.label(this);
    }
}
