import { normaliseDate } from '../html/metadata/dates.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// RFC 822 zones by name; military single letters are too often wrong to trust and are read as UTC.
const ZONES: Record<string, string> = {
  ut: 'Z',
  utc: 'Z',
  gmt: 'Z',
  z: 'Z',
  est: '-05:00',
  edt: '-04:00',
  cst: '-06:00',
  cdt: '-05:00',
  mst: '-07:00',
  mdt: '-06:00',
  pst: '-08:00',
  pdt: '-07:00',
  cet: '+01:00',
  cest: '+02:00',
};
const RFC_822 =
  /^(?:[a-z]{3,9},?\s*)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([+-]\d{2}:?\d{2}|[a-z]{1,4}))?)?$/i;

const pad = (n: number | string) => String(n).padStart(2, '0');

/**
 * A feed's date (RSS pubDate "Tue, 05 May 2015 10:00:00 +0200", Atom and JSON Feed RFC 3339,
 * Dublin Core) as ISO 8601 in the zone the feed gave, so the date part stays the day the publisher
 * printed; null when it cannot be read (the pipeline then estimates one from the text).
 */
export function feedDate(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  const rfc = RFC_822.exec(text);
  if (rfc) {
    const [, day, monthName, yearText, hours, minutes, seconds, zoneText] = rfc;
    const month = MONTHS.indexOf((monthName ?? '').toLowerCase()) + 1;
    let year = Number(yearText);
    if ((yearText ?? '').length === 2) year += year < 50 ? 2000 : 1900;
    const check = new Date(Date.UTC(year, month - 1, Number(day)));
    if (month === 0 || check.getUTCDate() !== Number(day) || year < 1800) return null;
    const date = `${year}-${pad(month)}-${pad(day ?? '')}`;
    if (hours === undefined) return date;
    if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds ?? 0) > 59) return date;
    let zone = '';
    if (zoneText) {
      if (/^[+-]/.test(zoneText)) {
        const digits = zoneText.replace(':', '');
        zone = digits === '+0000' || digits === '-0000' ? 'Z' : `${digits.slice(0, 3)}:${digits.slice(3, 5)}`;
      } else zone = ZONES[zoneText.toLowerCase()] ?? 'Z';
    }
    return `${date}T${pad(hours)}:${minutes}:${seconds ?? '00'}${zone}`;
  }
  return normaliseDate(text);
}
