/**
 * Today in metropolitan France (AAAA-MM-JJ): dates of decisions, requests and issues are the agents' dates,
 * not the server's UTC date (between 22:00/23:00 UTC and midnight they differ).
 */
export function aujourdhui(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(now);
}

/** JJ/MM/AAAA, the agents' date format, from an ISO date or instant (AAAA-MM-JJ…); '' for none. */
export function dateFr(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}
