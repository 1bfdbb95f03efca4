package uk.gov.placements.tasklist;

/** Opens a headless browser for tests outside this package. */
public final class BrowserAccess {
    private BrowserAccess() {
    }

    public static Browser open(String baseUrl) {
        return new Browser(baseUrl);
    }
}
