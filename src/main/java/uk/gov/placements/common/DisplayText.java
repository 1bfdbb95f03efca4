package uk.gov.placements.common;

/**
 * Text a form displays, kept in a Camunda string variable: the engine stores those in a column of
 * 4,000 characters, and a longer one fails the whole step (found with a national register, where a
 * referral had 150 ranked options). Longer text is cut at a line break and says where the rest is.
 */
public final class DisplayText {
    static final int LIMIT = 3800;

    private DisplayText() {
    }

    public static String fit(String text, String whereTheRestIs) {
        if (text == null || text.length() <= LIMIT) {
            return text;
        }
        int cut = text.lastIndexOf('\n', LIMIT);
        return text.substring(0, cut > LIMIT / 2 ? cut : LIMIT) + "\n\n… shortened: " + whereTheRestIs;
    }
}
