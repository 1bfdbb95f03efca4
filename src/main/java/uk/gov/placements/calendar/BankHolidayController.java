package uk.gov.placements.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.placements.security.CurrentUser;
import uk.gov.placements.security.Roles;

/** The bank holidays working days skip: read by any signed-in user, kept by administrators. */
@RestController
@RequestMapping("/api/bank-holidays")
class BankHolidayController {
    private final BankHolidays bankHolidays;
    private final BankHolidayRepository repository;
    private final CurrentUser currentUser;

    BankHolidayController(BankHolidays bankHolidays, BankHolidayRepository repository, CurrentUser currentUser) {
        this.bankHolidays = bankHolidays;
        this.repository = repository;
        this.currentUser = currentUser;
    }

    /** The days known, and the last day they cover ("null" when none is known). */
    record BankHolidayList(String coveredUntil, List<Day> bankHolidays) {
    }

    record Day(String date, String title) {
    }

    @GetMapping
    BankHolidayList list() {
        List<Day> days = repository.findAll().stream()
                .sorted(Comparator.comparing(BankHoliday::getHolidayDate))
                .map(d -> new Day(d.getHolidayDate().toString(), d.getName())).toList();
        return new BankHolidayList(String.valueOf(bankHolidays.coveredUntil().orElse(null)), days);
    }

    /** The government's published list (bank-holidays.json), England and Wales. */
    @PostMapping("/import")
    BankHolidays.Imported importPublished(@RequestBody JsonNode list) {
        currentUser.requireAnyGroup(Roles.ADMIN);
        return bankHolidays.importPublished(list);
    }
}
