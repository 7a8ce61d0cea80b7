package dev.sessionwatch.agent.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LogonTimeTest {

  private static LocalDateTime at(String iso) {
    return LocalDateTime.parse(iso);
  }

  @Test
  void readsAUsDateWithAnAfternoonHour() {
    assertThat(LogonTime.parse("3/25/2024 12:01 PM", LogonTime.Order.MONTH_FIRST))
        .contains(at("2024-03-25T12:01"));
  }

  @Test
  void readsMidnightOnATwelveHourClock() {
    assertThat(LogonTime.parse("7/25/2018 12:46 AM", LogonTime.Order.MONTH_FIRST))
        .contains(at("2018-07-25T00:46"));
  }

  @Test
  void readsDottedDatesDayFirstWhateverTheOrder() {
    assertThat(LogonTime.parse("04.07.2024 23:24", LogonTime.Order.MONTH_FIRST))
        .contains(at("2024-07-04T23:24"));
  }

  @Test
  void readsYearFirstDates() {
    assertThat(LogonTime.parse("2024-03-05 09:27", LogonTime.Order.UNKNOWN))
        .contains(at("2024-03-05T09:27"));
  }

  @Test
  void readsSlashedDatesInTheOrderGiven() {
    assertThat(LogonTime.parse("12/11/2020 11:23", LogonTime.Order.DAY_FIRST))
        .contains(at("2020-11-12T11:23"));
    assertThat(LogonTime.parse("12/11/2020 11:23", LogonTime.Order.MONTH_FIRST))
        .contains(at("2020-12-11T11:23"));
  }

  @Test
  void leavesASlashedDateUnreadWhenTheOrderIsUnknown() {
    assertThat(LogonTime.parse("12/11/2020 11:23", LogonTime.Order.UNKNOWN)).isEmpty();
  }

  @Test
  void leavesFormsItDoesNotKnowUnread() {
    assertThat(LogonTime.parse("2024. 1. 19. PM 1:04:09", LogonTime.Order.DAY_FIRST)).isEmpty();
    assertThat(LogonTime.parse("2024/1/19 午後 1:04", LogonTime.Order.DAY_FIRST)).isEmpty();
    assertThat(LogonTime.parse("13:04 PM", LogonTime.Order.DAY_FIRST)).isEmpty();
    assertThat(LogonTime.parse("2/30/2024 10:00", LogonTime.Order.MONTH_FIRST)).isEmpty();
    assertThat(LogonTime.parse("3/25/24 9:27 AM", LogonTime.Order.MONTH_FIRST)).isEmpty();
  }

  @Test
  void takesTheOrderFromADateThatCanOnlyBeDayFirst() {
    assertThat(LogonTime.order(List.of("12/11/2020 11:23", "16/11/2020 08:58"), Locale.US))
        .isEqualTo(LogonTime.Order.DAY_FIRST);
  }

  @Test
  void takesTheOrderFromADateThatCanOnlyBeMonthFirst() {
    assertThat(LogonTime.order(List.of("3/4/2021 9:27 AM", "3/25/2021 9:27 AM"), Locale.UK))
        .isEqualTo(LogonTime.Order.MONTH_FIRST);
  }

  @Test
  void fallsBackToTheHostsRegionalFormat() {
    assertThat(LogonTime.order(List.of("3/4/2021 9:27 AM"), Locale.US))
        .isEqualTo(LogonTime.Order.MONTH_FIRST);
    assertThat(LogonTime.order(List.of("3/4/2021 09:27"), Locale.UK))
        .isEqualTo(LogonTime.Order.DAY_FIRST);
  }

  @Test
  void givesUpOnDatesThatContradictEachOther() {
    assertThat(LogonTime.order(List.of("25/3/2021 09:27", "3/25/2021 09:27"), Locale.US))
        .isEqualTo(LogonTime.Order.UNKNOWN);
  }
}
