/**
 * Rules of issue: a certification document only for a VALIDATED result that grants it; a convocation
 * only for a candidate registered in a session that has at least one registered candidate (CERES
 * defect "édition des convocations possible quand aucun candidat n'est inscrit").
 * The caller (sessions workflow) states the facts; these functions say yes or why not, in French.
 */
import { DocumentRuleError } from './errors';
import type { TemplateId } from './templates';

export type Decision = 'TITRE_OBTENU' | 'REUSSITE_PARTIELLE' | 'ECHEC' | 'ABSENT' | 'CCS_OBTENU' | 'CCS_NON_OBTENU';

export interface IssueFacts {
  /** results of the session validated by the State service (UD/DDETS, DFPC) */
  resultatsValides?: boolean;
  decision?: Decision | null;
  /** CCPs held by the candidate (livret) */
  nombreCcpAcquis?: number;
  /** title obtained by capitalisation of all its CCPs (parchemin without a TITRE_OBTENU decision) */
  capitalisationComplete?: boolean;
  /** convocations: the candidate's registration is active (not unregistered) */
  inscrit?: boolean;
  /** convocations: how many candidates are registered in the session */
  nombreInscrits?: number;
}

/** Throws DocumentRuleError when the document must not be issued. */
export function assertIssuable(templateId: TemplateId, facts: IssueFacts): void {
  switch (templateId) {
    case 'parchemin':
    case 'livret':
    case 'certificat-ccs': {
      if (!facts.resultatsValides) throw new DocumentRuleError('Les résultats ne sont pas validés : aucun parchemin, livret ni certificat ne peut être délivré.', 'resultatsValides');
      if (templateId === 'parchemin' && facts.decision !== 'TITRE_OBTENU' && !facts.capitalisationComplete) {
        throw new DocumentRuleError('Le titre n’est pas obtenu : pas de parchemin (un livret de certification peut être délivré pour les CCP acquis).', 'decision');
      }
      if (templateId === 'certificat-ccs' && facts.decision !== 'CCS_OBTENU') throw new DocumentRuleError('Le CCS n’est pas obtenu : pas de certificat.', 'decision');
      if (templateId === 'livret' && !(facts.nombreCcpAcquis && facts.nombreCcpAcquis > 0)) throw new DocumentRuleError('Aucun CCP acquis : pas de livret de certification.', 'ccps');
      return;
    }
    case 'convocation-candidat':
      if (!facts.nombreInscrits) throw new DocumentRuleError('Aucun candidat n’est inscrit à cette session : pas de convocation.', 'inscriptions');
      if (facts.inscrit === false) throw new DocumentRuleError('Ce candidat n’est pas (ou plus) inscrit à la session : pas de convocation.', 'inscription');
      return;
    case 'convocation-jure':
    case 'emargement':
      if (!facts.nombreInscrits) throw new DocumentRuleError('Aucun candidat n’est inscrit à cette session : pas de convocation ni de feuille d’émargement.', 'inscriptions');
      return;
    default:
      return;
  }
}
