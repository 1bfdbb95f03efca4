package uk.gov.placements.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Display text fits Camunda's 4,000-character string column, cut at a line break, saying where the rest is. */
class DisplayTextTest {

    @Test
    void shouldCutLongTextAtALineBreakAndPointToTheRest() {
        StringBuilder options = new StringBuilder();
        for (int i = 1; i <= 150; i++) {
            options.append("- **#").append(i).append(" Household ").append(i).append("**: needs met; Ofsted good; 2.0 miles from home; £450 a week\n");
        }
        String fitted = DisplayText.fit(options.toString(), "every option is at /api/referrals/7/options");
        assertThat(options.length()).isGreaterThan(4000);
        assertThat(fitted.length()).isLessThanOrEqualTo(4000);
        assertThat(fitted).startsWith("- **#1 Household 1**").endsWith("… shortened: every option is at /api/referrals/7/options");
        assertThat(fitted.substring(0, fitted.indexOf("\n\n…"))).endsWith("a week");
    }

    @Test
    void shouldLeaveShortTextAlone() {
        assertThat(DisplayText.fit("**Chosen:** The Lees", "anywhere")).isEqualTo("**Chosen:** The Lees");
        assertThat(DisplayText.fit(null, "anywhere")).isNull();
    }
}
