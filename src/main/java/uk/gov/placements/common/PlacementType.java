package uk.gov.placements.common;

/** Placement types, with the SSDA903 PLACE code a placement of that type is returned under. */
public enum PlacementType {
    FOSTER("U4"),
    CHILDRENS_HOME("K2"),
    RESIDENTIAL_SCHOOL("S1"),
    SECURE_CHILDRENS_HOME("K1"),
    PARENT_AND_CHILD("R3"),
    SUPPORTED_ACCOMMODATION("H5");

    private final String ssda903Place;

    PlacementType(String ssda903Place) {
        this.ssda903Place = ssda903Place;
    }

    public String ssda903Place() {
        return ssda903Place;
    }
}
