/**
 * The time of day of an input `published` value: `2016-12-19T20:00:06Z`, `2016-12-19 20:00`,
 * `2016-12-19T22:00:06+02:00` → the UTC instant as `YYYY-MM-DDTHH:MM:SSZ`; a value with no time
 * (`2016-12-19`, `01 نوفمبر 2020`) → null. A time without a zone is read as UTC (wire feeds stamp
 * in UTC; the document says what it assumed by writing the Z).
 */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/iu;

export function publishedTimestamp(value: string | null | undefined): string | null {
  if (value == null) return null;
  const m = TIMESTAMP.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '00', zone = 'Z'] = m;
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
  }
  const fields = [Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s)] as const;
  if (fields[1] < 1 || fields[1] > 12 || fields[2] < 1 || fields[2] > 31 || fields[3] > 23 || fields[4] > 59 || fields[5] > 60) return null;
  const ms = Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], Math.min(fields[5], 59)) - offsetMinutes * 60_000;
  const date = new Date(ms);
  if (date.getUTCDate() !== fields[2] && offsetMinutes === 0) return null; // 2016-02-31
  return `${date.toISOString().slice(0, 19)}Z`;
}
