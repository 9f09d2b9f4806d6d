/**
 * The calendar of obligations in the browser (/kalender and the home page): the days left are counted
 * from the reader's own date with the model's code, and the .ics download is written by the same writer
 * as `npx samverkan kalender --ics`. Bundled by the build to src/components/generated/calendar.js.
 */
export {addMonths, daysBetween, daysLeftText, nextDeadline, monthName, KIND_LABEL, DATE_KIND_LABEL} from "../models/obligations.ts";
export {calendarIcs, icsFileName} from "../reports/calendar-ics.ts";
