/** The plugin's settings (strapi/config/plugins.ts sets them from the environment), checked at boot. */
export interface ReportingSettings {
  /** when the weekly extraction runs: a cron pattern with seconds (croner), default Monday 06:00 */
  cron: string;
  /** the calendar of the weeks and of the schedule */
  fuseau: string;
  /** where the CSV files go; empty: <project>/.data/extractions */
  dossier: string;
  /** R8 */
  maxTentatives: number;
  delaiRepriseMinutes: number;
  /** how often the worker looks for runs to do (new ones, retries due) */
  intervalleMs: number;
}

export const DEFAULT_SETTINGS: ReportingSettings = {
  cron: '0 0 6 * * 1',
  fuseau: 'Europe/Paris',
  dossier: '',
  maxTentatives: 3,
  delaiRepriseMinutes: 15,
  intervalleMs: 2000,
};

export function settingsFrom(config: Partial<Record<keyof ReportingSettings, unknown>> | undefined): ReportingSettings {
  const merged = { ...DEFAULT_SETTINGS, ...(config ?? {}) } as Record<keyof ReportingSettings, unknown>;
  const positive = (key: keyof ReportingSettings, min: number) => {
    const value = Number(merged[key]);
    if (!Number.isInteger(value) || value < min) throw new Error(`reporting.${key} : entier ≥ ${min} attendu (reçu ${String(merged[key])})`);
    return value;
  };
  const cron = String(merged.cron).trim();
  if (!/^(\S+\s+){4,5}\S+$/.test(cron)) throw new Error(`reporting.cron : motif cron invalide « ${cron} » (ex. « 0 0 6 * * 1 » = lundi 6 h)`);
  const fuseau = String(merged.fuseau);
  try {
    new Intl.DateTimeFormat('fr-FR', { timeZone: fuseau });
  } catch {
    throw new Error(`reporting.fuseau : fuseau horaire inconnu « ${fuseau} »`);
  }
  return {
    cron,
    fuseau,
    dossier: String(merged.dossier ?? ''),
    maxTentatives: positive('maxTentatives', 1),
    delaiRepriseMinutes: positive('delaiRepriseMinutes', 0),
    intervalleMs: positive('intervalleMs', 100),
  };
}
