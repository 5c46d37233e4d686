/**
 * The session rules' settings (v1.8 "délais de programmation des sessions et de traitement des DTE",
 * v1.6/v1.7.1 limit of sessions per period). Read from the plugin's config (strapi/config/plugins.ts,
 * overridable by environment variables); these defaults apply otherwise.
 */
export type FenetreSessions = 'GLISSANTE_12_MOIS' | 'ANNEE_CIVILE';

export interface SessionSettings {
  /** a session is declared at least this many days before its start (brief: ≈ 2 months) */
  delaiDeclarationJours: number;
  /** the DTE is ordered at least this many days before the start (AFPA ships ≥ 2 weeks before) */
  delaiCommandeDteJours: number;
  /** convocations reach the candidates at least this many months before a session titre (2008 règlement: 1 month) */
  delaiConvocationTitreMois: number;
  /** … and at least this many days before a session CCP or CCS (2008 règlement: 15 days) */
  delaiConvocationCcpCcsJours: number;
  /** how many sessions of the same title a candidate may sit within the window */
  maxSessionsParPeriode: number;
  fenetreSessions: FenetreSessions;
}

export const DEFAULT_SETTINGS: SessionSettings = {
  delaiDeclarationJours: 60,
  delaiCommandeDteJours: 21,
  delaiConvocationTitreMois: 1,
  delaiConvocationCcpCcsJours: 15,
  maxSessionsParPeriode: 3,
  fenetreSessions: 'GLISSANTE_12_MOIS',
};

/** Merges a partial configuration, refusing nonsense at boot rather than at the first declaration. */
export function settingsFrom(config: Partial<Record<keyof SessionSettings, unknown>> | undefined): SessionSettings {
  const settings = { ...DEFAULT_SETTINGS };
  const int = (key: 'delaiDeclarationJours' | 'delaiCommandeDteJours' | 'delaiConvocationTitreMois' | 'delaiConvocationCcpCcsJours' | 'maxSessionsParPeriode', min: number) => {
    const value = config?.[key];
    if (value === undefined || value === null || value === '') return;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`Paramètre sessions « ${key} » invalide : ${String(value)}`);
    settings[key] = n;
  };
  int('delaiDeclarationJours', 0);
  int('delaiCommandeDteJours', 0);
  int('delaiConvocationTitreMois', 0);
  int('delaiConvocationCcpCcsJours', 0);
  int('maxSessionsParPeriode', 1);
  const fenetre = config?.fenetreSessions;
  if (fenetre !== undefined && fenetre !== null && fenetre !== '') {
    if (fenetre !== 'GLISSANTE_12_MOIS' && fenetre !== 'ANNEE_CIVILE') {
      throw new Error(`Paramètre sessions « fenetreSessions » invalide : ${String(fenetre)} (GLISSANTE_12_MOIS ou ANNEE_CIVILE)`);
    }
    settings.fenetreSessions = fenetre;
  }
  return settings;
}
