package uk.gov.placements.tasklist;

/** Opens a headless browser for tests outside this package. */
public final class BrowserAccess {
    private BrowserAccess() {
    }

    public static Browser open(String baseUrl) {
        return new Browser(baseUrl);
    }

    /** A browser signed in to the Tasklist as this user (password "demo"): the product's pages share that session. */
    public static Browser signedIn(String baseUrl, String user) {
        return new Browser(baseUrl).login(user);
    }
}
