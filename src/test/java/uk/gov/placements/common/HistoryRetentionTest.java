package uk.gov.placements.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.CleanableHistoricProcessInstanceReportResult;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.Journeys;
import uk.gov.placements.benchmark.JourneyBenchmark;
import uk.gov.placements.iro.IroReviewProcess;
import uk.gov.placements.referral.PlacementReferralProcess;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.referral.search.PlacementSearchProcess;

/**
 * History is kept for each definition's time to live (75 years) after each instance ends and cleaned by end time;
 * no removal date is stamped on history rows when a referral ends, and a child's running reviews are never cleanable.
 */
@IntegrationTest
class HistoryRetentionTest {
    @Autowired HistoryService historyService;
    @Autowired JourneyBenchmark benchmark;
    @Autowired Journeys journeys;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    long cleanable(String processKey) {
        return historyService.createCleanableHistoricProcessInstanceReport().processDefinitionKeyIn(processKey).list().stream()
                .mapToLong(CleanableHistoricProcessInstanceReportResult::getCleanableProcessInstanceCount).sum();
    }

    @Test
    void shouldKeepHistorySeventyFiveYearsAfterEachInstanceEndsAndNeverCleanARunningOne() {
        Journeys.Council council = benchmark.councilWithRegister(10);
        Referral r = journeys.refer(journeys.child(council, 11), "PLANNED", PlacementType.FOSTER, 4, null, NeedCode.AUTISM);
        assertThat(benchmark.journey(r)).isTrue();

        HistoricProcessInstance referral = historyService.createHistoricProcessInstanceQuery().processInstanceId(r.getProcessInstanceId()).singleResult();
        assertThat(referral.getEndTime()).isNotNull();
        assertThat(referral.getRemovalTime()).isNull();
        assertThat(jdbc.queryForObject("select count(*) from ACT_HI_ACTINST where ROOT_PROC_INST_ID_ = ? and REMOVAL_TIME_ is not null",
                Long.class, r.getProcessInstanceId())).isZero();

        // the day before 75 years have passed since today, today's referral is not cleanable; two days after, it is, with
        // its search. Of the reviews, exactly those that ended by then are (other tests end some, with the clock moved),
        // never a running one such as this child's
        ClockUtil.setCurrentTime(startOf(LocalDate.now().plusDays(27375 - 1)));
        long referralsBefore = cleanable(PlacementReferralProcess.KEY);
        ClockUtil.setCurrentTime(startOf(LocalDate.now().plusDays(27375 + 2)));
        assertThat(cleanable(PlacementReferralProcess.KEY)).isGreaterThan(referralsBefore);
        assertThat(cleanable(PlacementSearchProcess.KEY)).isPositive();
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(IroReviewProcess.KEY)
                .processInstanceBusinessKey("CHILD-" + r.getChild().getId()).unfinished().count()).isEqualTo(1);
        assertThat(cleanable(IroReviewProcess.KEY)).isEqualTo(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(IroReviewProcess.KEY)
                .finishedBefore(startOf(LocalDate.now().plusDays(2))).count());
    }

    private static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
