package uk.gov.placements.calendar;

import java.time.LocalDate;
import org.springframework.data.jpa.repository.JpaRepository;

interface BankHolidayRepository extends JpaRepository<BankHoliday, LocalDate> {
}
