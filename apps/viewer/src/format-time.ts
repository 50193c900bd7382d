/** A run time ready to show: the local-time label, and the ISO text the API sent (for the hover title). */
export interface FormattedTime {
  readonly label: string;
  readonly iso: string;
  readonly valid: boolean;
}

/** Options that pin the formatting; the page leaves them unset so the reader's own locale and zone apply. */
export interface FormatTimeOptions {
  readonly locale?: string | undefined;
  readonly timeZone?: string | undefined;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(options: FormatTimeOptions): Intl.DateTimeFormat {
  const key = `${options.locale ?? ""}|${options.timeZone ?? ""}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(options.locale, {
      dateStyle: "medium",
      timeStyle: "medium",
      ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Formats an ISO 8601 time from the API in local time. A value that is not a date is shown as sent, marked invalid,
 * rather than as "Invalid Date".
 *
 * @example
 * formatRunTime("2000-01-01T00:00:05.000Z", { locale: "en-GB", timeZone: "UTC" }).label; // "1 Jan 2000, 00:00:05"
 */
export function formatRunTime(iso: string, options: FormatTimeOptions = {}): FormattedTime {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return { label: iso, iso, valid: false };
  return { label: formatterFor(options).format(time), iso, valid: true };
}
