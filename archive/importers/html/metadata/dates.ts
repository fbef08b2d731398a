const ISO_LIKE =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s]+(\d{2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const SLASHED = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1800 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** "+0200", "+02" or "Z" as "+02:00" or "Z". */
function zone(offset: string | undefined): string {
  if (!offset) return '';
  if (offset.toUpperCase() === 'Z') return 'Z';
  const digits = offset.slice(1).replace(':', '');
  return `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`;
}

/**
 * A metadata date as ISO 8601: `YYYY-MM-DD` when it has no time, else `YYYY-MM-DDTHH:MM:SS` with the
 * zone it was given in. The publisher's own offset is kept rather than converted to UTC, so the
 * date part stays the day the publisher printed (the archive filters and groups by it).
 * Other formats Date understands (RFC 2822 "Tue, 05 May 2015 10:00:00 GMT") come out in UTC.
 */
export function normaliseDate(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  const iso = ISO_LIKE.exec(text);
  if (iso) {
    const [, year, month, day, hours, minutes, seconds, offset] = iso;
    if (!validDate(Number(year), Number(month), Number(day))) return null;
    const date = `${year}-${month}-${day}`;
    if (hours === undefined) return date;
    if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds ?? 0) > 59) return date;
    return `${date}T${hours}:${minutes}:${seconds ?? '00'}${zone(offset)}`;
  }
  const slashed = SLASHED.exec(text);
  if (slashed) {
    const [year, month, day] = slashed.slice(1).map(Number) as [number, number, number];
    return validDate(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null;
  }
  // Only texts with a year and a letter (a month name) are left to Date, which reads "5/6/2015" either way round.
  if (!/\d{4}/.test(text) || !/[a-z]/i.test(text)) return null;
  const parsed = new Date(text);
  if (Number.isNaN(parsed.getTime()) || parsed.getUTCFullYear() < 1800) return null;
  if (/\d{1,2}:\d{2}/.test(text)) return parsed.toISOString().replace(/\.\d{3}Z$/, 'Z');
  // Date reads a date without a time as local midnight: its local calendar day is the one written.
  return `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`;
}
