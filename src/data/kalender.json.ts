// The calendar of obligations of every county with an agreement, from 1 January of the build's year three
// years ahead. The pages count the days left from the reader's own date, so the build date never freezes them.
// inputs: kommuner.csv
import {runLoader} from "../../loaders/loader-kit.ts";
import {calendarReport, isoDay} from "../../loaders/reports/calendar.ts";

await runLoader((wh) => calendarReport(wh, isoDay(new Date())));
