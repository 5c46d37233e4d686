/**
 * Calendar dates as the agents write them: ISO "AAAA-MM-JJ" strings, no time, no time zone
 * (a Date object would shift by a day with some zones). Pure arithmetic on UTC days.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO.exec(value);
  if (!match) return false;
  const [y, m, d] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function parts(value: string): [number, number, number] {
  if (!isIsoDate(value)) throw new Error(`date invalide : ${value}`);
  const [y, m, d] = value.split('-').map(Number);
  return [y, m, d];
}

/** days since 1970-01-01 */
export function dayNumber(value: string): number {
  const [y, m, d] = parts(value);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export const addDays = (value: string, days: number) => fromDayNumber(dayNumber(value) + days);

const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * Same day N months later; a day the target month lacks falls on its last day (29 February + 1 year
 * = 28 February), as French law counts a délai in months or years ending on a missing day.
 */
export function addMonths(value: string, months: number): string {
  const [y, m, d] = parts(value);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export const addYears = (value: string, years: number) => addMonths(value, 12 * years);

export const compareDates = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
export const minDate = (a: string, b: string) => (a <= b ? a : b);
export const maxDate = (a: string, b: string) => (a >= b ? a : b);

export interface Duree {
  annees: number;
  mois: number;
  jours: number;
}

/**
 * Calendar difference from `from` (included) to `to` (excluded): the most whole months k with
 * addMonths(from, k) <= to, then the days left. Consistent with addYears: dureeEntre(a, addYears(a, n))
 * is exactly n years, leap days included.
 */
export function dureeEntre(from: string, to: string): Duree {
  if (to <= from) return { annees: 0, mois: 0, jours: 0 };
  const [y1, m1] = parts(from);
  const [y2, m2] = parts(to);
  let months = (y2 - y1) * 12 + (m2 - m1);
  while (months > 0 && addMonths(from, months) > to) months -= 1;
  const jours = dayNumber(to) - dayNumber(addMonths(from, months));
  return { annees: Math.floor(months / 12), mois: months % 12, jours };
}

export function formatDuree({ annees, mois, jours }: Duree): string {
  const pieces: string[] = [];
  if (annees) pieces.push(`${annees} an${annees > 1 ? 's' : ''}`);
  if (mois) pieces.push(`${mois} mois`);
  if (jours || !pieces.length) pieces.push(`${jours} jour${jours > 1 ? 's' : ''}`);
  return pieces.length > 1 ? `${pieces.slice(0, -1).join(', ')} et ${pieces[pieces.length - 1]}` : pieces[0];
}

/** JJ/MM/AAAA, the agents' format */
export function formatDate(value: string): string {
  const [y, m, d] = parts(value);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}
