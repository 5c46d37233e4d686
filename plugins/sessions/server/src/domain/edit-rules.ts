/**
 * What an ordinary edit (PUT) may change, by state. Workflow fields (statut, dates of the steps, motifs,
 * PV) are read-only on the resource and move only through actions.
 */
import { RESULTS_TRANSMITTED_STATES, STATE_LABELS, type State } from './states';

/** The session's identity: what the UD validated. Changeable only while in preparation. */
export const IDENTITY_FIELDS = ['type', 'centre', 'titre', 'ccps', 'ccs', 'site', 'agrement', 'autorisationTemporaire', 'dateDebut', 'dateFin', 'prolongation'];
export const FROZEN_STATES: readonly State[] = ['ANNULEE', 'CLOTUREE'];

export interface FieldViolation {
  field: string;
  message: string;
}

export function editViolations(statut: State, changed: string[]): FieldViolation[] {
  const out: FieldViolation[] = [];
  for (const field of changed) {
    if (FROZEN_STATES.includes(statut)) {
      out.push({ field, message: `La session est « ${STATE_LABELS[statut]} » : elle ne se modifie plus.` });
    } else if (IDENTITY_FIELDS.includes(field) && statut !== 'EN_PREPARATION') {
      out.push({ field, message: `Le champ « ${field} » ne se modifie plus une fois la session déclarée (session « ${STATE_LABELS[statut]} »).` });
    } else if (field === 'responsableSession' && RESULTS_TRANSMITTED_STATES.includes(statut)) {
      // v1.7: the responsable could be changed after results were transmitted
      out.push({ field, message: 'Le responsable de session ne se modifie plus une fois les résultats transmis.' });
    }
  }
  return out;
}

/** Fields whose value differs between two bridge records (relations compared by documentId). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const norm = (v: unknown) => (Array.isArray(v) ? JSON.stringify([...v].map(String).sort()) : v === undefined || v === null || v === '' ? null : JSON.stringify(v));
  return Object.keys(after).filter((k) => k in before && norm(before[k]) !== norm(after[k]));
}
