/**
 * Dates and working time for the Gantt chart.
 *
 * Schedule fields are local date-times in the project's time zone ("2026-11-16T08:00:00"), with no
 * offset. We turn them into *day numbers*: whole days since 1970-01-01 counted in UTC, so every day
 * is exactly 24 hours long and no daylight-saving jump can shift a bar. A point in time is a day
 * number plus minutes since midnight.
 */

const MS_PER_DAY = 86400000;

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1-12), without a Date object. */
function daysFromCivil(year, month, dayOfMonth) {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + dayOfMonth - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

// Parsing 50,000 date-times is on the critical path of opening a big project: read digits directly.
const digits = (text, from, to) => {
  let value = 0;
  for (let index = from; index < to; index++) value = value * 10 + text.charCodeAt(index) - 48;
  return value;
};

/** Parses "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS]" into { day, minutes }; null for empty input. */
export function parseDateTime(text) {
  if (!text) return null;
  const day = daysFromCivil(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
  const minutes = text.length >= 16 ? digits(text, 11, 13) * 60 + digits(text, 14, 16) : 0;
  return { day, minutes };
}

/** Formats a day number and minutes as the ISO local date-time the server expects. */
export function formatDateTime(day, minutes) {
  const date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${date}T${hh}:${mm}:00`;
}

/** ISO weekday of a day number: Monday = 1 ... Sunday = 7 (1970-01-01 was a Thursday). */
export function isoWeekday(day) {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Year, month (0-11) and day of month of a day number. */
export function dateParts(day) {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth(), dayOfMonth: date.getUTCDate() };
}

/** Day number of the first day of a month; month may overflow (13 = January next year). */
export function firstOfMonth(year, month) {
  return Date.UTC(year, month, 1) / MS_PER_DAY;
}

function minutesOfClock(text, fallback) {
  if (!text) return fallback;
  return +text.slice(0, 2) * 60 + +text.slice(3, 5);
}

/**
 * The project calendar as the chart needs it: which days are working days, and where within a
 * day a time is drawn. The chart does not know the calendar's working periods, only the day's
 * first and last working minute (default 08:00-17:00): a task starting at 08:00 and finishing at
 * 17:00 the same day fills that day's whole column instead of a thin slice of it.
 */
export function createCalendar(projectCalendar = {}, minutesPerDay = 480) {
  const workingWeekdays = new Set(projectCalendar.workingDays ?? [1, 2, 3, 4, 5]);
  const holidays = new Set((projectCalendar.holidays ?? []).map((text) => parseDateTime(text).day));
  const dayStartMinutes = minutesOfClock(projectCalendar.workdayStart, 8 * 60);
  const dayFinishMinutes = minutesOfClock(projectCalendar.workdayFinish, 17 * 60);
  const workingDaysPerWeek = workingWeekdays.size;
  // Holidays that fall on working weekdays, sorted: only these change a count of working days.
  const workdayHolidays = [...holidays].filter((day) => workingWeekdays.has(isoWeekday(day))).sort((a, b) => a - b);

  function isWorkingDay(day) {
    return workingWeekdays.has(isoWeekday(day)) && !holidays.has(day);
  }

  /** Number of workday holidays in [from, to). */
  function holidaysBetween(from, to) {
    const firstAtOrAfter = (day) => {
      let low = 0;
      let high = workdayHolidays.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (workdayHolidays[middle] < day) low = middle + 1;
        else high = middle;
      }
      return low;
    };
    return firstAtOrAfter(to) - firstAtOrAfter(from);
  }

  /** Working days in [from, to) for from <= to: whole weeks at once, then the odd days. */
  function countWorkingDays(from, to) {
    const weeks = Math.floor((to - from) / 7);
    let count = weeks * workingDaysPerWeek;
    for (let day = from + weeks * 7; day < to; day++) if (workingWeekdays.has(isoWeekday(day))) count++;
    return count - holidaysBetween(from, to);
  }

  return {
    minutesPerDay,
    isWorkingDay,

    /** Position of a date-time on the time axis, in fractional days. */
    toAxis(point) {
      if (!point) return null;
      const fraction = (point.minutes - dayStartMinutes) / (dayFinishMinutes - dayStartMinutes);
      return point.day + Math.min(1, Math.max(0, fraction));
    },

    /** The first working day on or after `day` (or on or before it when direction is -1). */
    nearestWorkingDay(day, direction = 1) {
      let candidate = day;
      for (let guard = 0; guard < 366 && !isWorkingDay(candidate); guard++) candidate += direction;
      return candidate;
    },

    /**
     * Moves `day` by a signed number of working days. Jumps whole weeks first (each holds exactly
     * workingDaysPerWeek working weekdays, less the holidays among them), then steps day by day;
     * slack lines for 10,000 tasks need this to be fast.
     */
    addWorkingDays(day, count) {
      if (count === 0 || workingDaysPerWeek === 0) return day;
      const wanted = Math.abs(count);
      const step = Math.sign(count);
      const weeks = Math.floor((wanted - 1) / workingDaysPerWeek);
      let candidate = day + step * weeks * 7;
      let counted = weeks * workingDaysPerWeek
        - (step > 0 ? holidaysBetween(day + 1, candidate + 1) : holidaysBetween(candidate, day));
      while (counted < wanted) {
        candidate += step;
        if (isWorkingDay(candidate)) counted++;
      }
      return candidate;
    },

    /** Signed number of working days from `from` to `to`, counting days in [from, to). */
    workingDaysBetween(from, to) {
      return to >= from ? countWorkingDays(from, to) : -countWorkingDays(to, from);
    },
  };
}

/** Date and number formatting in the page's language; dates are formatted in UTC, see above. */
export function createFormats(locale) {
  const shortDate = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short', year: '2-digit' });
  const longDate = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  const dayMonth = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short' });
  const monthLong = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long' });
  const monthShort = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'short' });
  const weekdayNarrow = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'narrow' });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const at = (format) => (day) => format.format(day * MS_PER_DAY);
  return {
    shortDate: at(shortDate),
    longDate: at(longDate),
    dayMonth: at(dayMonth),
    monthLong: at(monthLong),
    monthShort: at(monthShort),
    weekdayNarrow: at(weekdayNarrow),
    number: (value) => number.format(value),
  };
}
