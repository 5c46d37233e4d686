/** How a trace is shown to the agents: French dates, words rather than codes. */
export const ACTION_LABELS: Record<string, string> = {
  create: 'Création',
  update: 'Modification',
  delete: 'Suppression',
};

export const actionLabel = (action: string) => ACTION_LABELS[action] ?? `Action « ${action} »`;

export const PROFILE_LABELS: Record<string, string> = {
  ADMIN_NATIONAL: 'Administrateur national',
  DREETS: 'DREETS',
  UD: 'DDETS / UD',
  CENTRE: 'Centre agréé',
  NOUVELLE_CALEDONIE: 'Nouvelle-Calédonie',
  AFPA: 'AFPA',
  LECTURE: 'Consultation',
};

/** JJ/MM/AAAA HH:MM, French time */
export const formatInstant = (iso: unknown) =>
  typeof iso === 'string' && iso
    ? new Date(iso).toLocaleString('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' })
    : '';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** a traced value, as text: dates JJ/MM/AAAA, booleans Oui/Non, absent "—" */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (typeof value === 'string') {
    const date = DATE.exec(value);
    if (date) return `${date[3]}/${date[2]}/${date[1]}`;
    if (INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return formatInstant(value);
    return value;
  }
  if (Array.isArray(value)) return value.length ? value.map(formatValue).join(', ') : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
