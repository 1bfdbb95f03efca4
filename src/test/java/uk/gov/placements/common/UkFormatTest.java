package uk.gov.placements.common;

import uk.gov.placements.provider.MonitoringRating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import uk.gov.placements.provider.AccreditationStatus;
import uk.gov.placements.referral.search.ProviderReferralService;

/** The one way the product writes dates, times, amounts and codes for people. */
class UkFormatTest {

    @Test
    void shouldWriteDatesDayFirst() {
        assertThat(UkFormat.date(LocalDate.of(2026, 12, 16))).isEqualTo("16/12/2026");
        assertThat(UkFormat.date(LocalDate.of(2027, 3, 1))).isEqualTo("01/03/2027");
        assertThat(UkFormat.date(null)).isEmpty();
    }

    @Test
    void shouldWriteTimesInUkTimeSummerAndWinter() {
        // winter: GMT, the instant's own hour
        assertThat(UkFormat.dateTime(Instant.parse("2026-12-03T15:00:27.330Z"))).isEqualTo("03/12/2026 15:00");
        // summer: BST, an hour ahead of UTC
        assertThat(UkFormat.dateTime(Instant.parse("2026-07-01T15:00:00Z"))).isEqualTo("01/07/2026 16:00");
        // late on a summer evening in UTC is already the next day in London
        assertThat(UkFormat.dateTime(Instant.parse("2026-06-30T23:30:00Z"))).isEqualTo("01/07/2026 00:30");
        // the clocks go forward at 01:00 UTC on 29 March 2026
        assertThat(UkFormat.dateTime(Instant.parse("2026-03-29T00:59:00Z"))).isEqualTo("29/03/2026 00:59");
        assertThat(UkFormat.dateTime(Instant.parse("2026-03-29T01:00:00Z"))).isEqualTo("29/03/2026 02:00");
        assertThat(UkFormat.dateTime(null)).isEmpty();
    }

    @Test
    void shouldWriteEveryAmountWithPenceAndSeparators() {
        assertThat(UkFormat.money(new BigDecimal("3900"))).isEqualTo("£3,900.00");
        assertThat(UkFormat.money(new BigDecimal("4200.5"))).isEqualTo("£4,200.50");
        assertThat(UkFormat.money(new BigDecimal("520.00"))).isEqualTo("£520.00");
        assertThat(UkFormat.money(new BigDecimal("1234567.891"))).isEqualTo("£1,234,567.89");
        assertThat(UkFormat.money(new BigDecimal("0.005"))).isEqualTo("£0.01");
        assertThat(UkFormat.money(new BigDecimal("0"))).isEqualTo("£0.00");
        assertThat(UkFormat.money(880.0)).isEqualTo("£880.00");
        assertThat(UkFormat.money((BigDecimal) null)).isEmpty();
    }

    @Test
    void shouldWriteMilesToOneDecimalPlace() {
        assertThat(UkFormat.miles(12.345)).isEqualTo("12.3");
        assertThat(UkFormat.miles(3)).isEqualTo("3.0");
    }

    @Test
    void shouldGiveEveryCodeAPersonReadsAPlainEnglishLabel() {
        for (Class<? extends Enum<?>> type : UkFormat.LABELLED) {
            for (Enum<?> code : type.getEnumConstants()) {
                String label = UkFormat.label(code);
                assertThat(label).as(type.getSimpleName() + "." + code.name()).isNotBlank()
                        .doesNotContain("_").isNotEqualTo(code.name());
                assertThat(Character.isUpperCase(label.charAt(0))).as(label).isTrue();
                // a label is words, not the code shouted: at most its first letter and initialisms are capitals
                assertThat(label).as(type.getSimpleName() + "." + code.name()).doesNotMatch("[A-Z]{2,}[A-Z ]*");
            }
        }
    }

    @Test
    void shouldLabelTheCodesAsCouncilsSayThem() {
        assertThat(UkFormat.label(PlacementType.CHILDRENS_HOME)).isEqualTo("Children's home");
        assertThat(UkFormat.label(PlacementType.SECURE_CHILDRENS_HOME)).isEqualTo("Secure children's home");
        assertThat(UkFormat.label(OfstedRating.GOOD)).isEqualTo("Good");
        assertThat(UkFormat.label(OfstedRating.REQUIRES_IMPROVEMENT)).isEqualTo("Requires improvement");
        assertThat(UkFormat.label(AccreditationStatus.ACCREDITED)).isEqualTo("Accredited");
        assertThat(UkFormat.label(NeedCode.EMOTIONAL_BEHAVIOURAL)).isEqualTo("Emotional and behavioural needs");
        assertThat(UkFormat.label(NeedCode.EHCP_EDUCATION)).isEqualTo("Education, health and care plan");
        assertThat(UkFormat.label(Urgency.EMERGENCY)).isEqualTo("Emergency");
        assertThat(UkFormat.label(MonitoringRating.AMBER)).isEqualTo("Amber");
        // the need codes' own label() is this one
        Arrays.stream(NeedCode.values()).forEach(n -> assertThat(n.label()).isEqualTo(UkFormat.label(n)));
        assertThat(MonitoringRating.describe("RED")).isEqualTo("Red");
        assertThat(MonitoringRating.describe(null)).isEqualTo("Not yet monitored");
        assertThat(UkFormat.sex("FEMALE")).isEqualTo("female");
        assertThat(UkFormat.sex("NOT_STATED")).isEqualTo("sex not stated");
    }

    @Test
    void shouldLabelEveryReasonAProviderMayGiveForDeclining() {
        assertThat(ProviderReferralService.DECLINE_REASONS).isNotEmpty();
        ProviderReferralService.DECLINE_REASONS.forEach(code -> assertThat(UkFormat.declineReason(code)).isNotBlank().doesNotContain("_"));
        assertThat(UkFormat.declineReason("CANNOT_MEET_NEEDS")).isEqualTo("Cannot meet the child's needs");
        assertThatThrownBy(() -> UkFormat.declineReason("BORED")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseToInventALabelForACodeItDoesNotKnow() {
        assertThatThrownBy(() -> UkFormat.label(java.time.DayOfWeek.MONDAY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DayOfWeek.MONDAY");
    }

    @Test
    void shouldWriteARecordedOutcomeInWordsWithoutItsIds() {
        org.assertj.core.api.Assertions.assertThat(UkFormat.outcome("WAIVED")).isEqualTo("Waived");
        org.assertj.core.api.Assertions.assertThat(UkFormat.outcome("APPROVE")).isEqualTo("Approved");
        org.assertj.core.api.Assertions.assertThat(UkFormat.outcome("OPTION 65 (rank 1)")).isEqualTo("Rank 1 chosen");
        org.assertj.core.api.Assertions.assertThat(UkFormat.outcome("ESCALATED_TO heads-of-service")).isEqualTo("Escalated to heads of service");
        org.assertj.core.api.Assertions.assertThat(UkFormat.outcome("OFFER from provider 12")).isEqualTo("Offer");
        org.assertj.core.api.Assertions.assertThat(UkFormat.outcome("SUSPENDED provider 7")).isEqualTo("Suspended");
        org.assertj.core.api.Assertions.assertThat(UkFormat.outcome("SENT TO 3 PROVIDERS")).isEqualTo("Sent to 3 providers");
        org.assertj.core.api.Assertions.assertThat(UkFormat.outcome(null)).isEmpty();
    }
}
