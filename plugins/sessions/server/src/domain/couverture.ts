/**
 * Where a session takes place and what authorises it (issue 7 §2): a site of the organising centre, and
 * the agrément (or the temporary authorisation) of that centre covering the session's title, CCPs or CCS
 * over its whole date range. Both are relations chosen on the session; they are checked whenever they are
 * set, and required to declare it. Pure.
 */
import { frenchDate, type SessionType } from './states';

export interface CouvertureSession {
  type: SessionType;
  centre: string | null;
  titre: string | null;
  ccs: string | null;
  dateDebut: string;
  dateFin: string;
}

export interface SiteFacts {
  id: string;
  nom?: string | null;
  centre: string | null;
  actif?: boolean | null;
}

export interface AgrementFacts {
  id: string;
  centre: string | null;
  site: string | null;
  titre: string | null;
  ccs: string | null;
  statut: string;
  dateDebut: string;
  dateFin: string;
}

export interface AutorisationFacts {
  id: string;
  centre: string | null;
  titre: string | null;
  dateDebut: string;
  dateFin: string;
}

export interface CouvertureFacts {
  session: CouvertureSession;
  site: SiteFacts | null;
  agrement: AgrementFacts | null;
  autorisation: AutorisationFacts | null;
}

export interface CouvertureError {
  field: 'site' | 'agrement' | 'autorisationTemporaire';
  message: string;
}

const STATUTS: Record<string, string> = { DEMANDE: 'demandé', ACCORDE: 'accordé', REFUSE: 'refusé', RETIRE: 'retiré', EXPIRE: 'expiré' };
const periode = (p: { dateDebut: string; dateFin: string }) => `du ${frenchDate(p.dateDebut)} au ${frenchDate(p.dateFin)}`;
const couvreDates = (p: { dateDebut: string; dateFin: string }, s: CouvertureSession) => p.dateDebut <= s.dateDebut && p.dateFin >= s.dateFin;

/**
 * The errors of the chosen site / agrément / temporary authorisation. `requis`: at declaration, the site
 * and one of the two authorisations must be chosen; before that, only what is chosen is checked.
 */
export function couvertureErrors(f: CouvertureFacts, requis: boolean): CouvertureError[] {
  const { session, site, agrement, autorisation } = f;
  const out: CouvertureError[] = [];
  if (!site) {
    if (requis) out.push({ field: 'site', message: 'Le site de la session (lieu du centre où elle se déroule) est obligatoire pour la déclarer.' });
  } else {
    if (site.centre !== session.centre) out.push({ field: 'site', message: `Le site « ${site.nom ?? site.id} » n'appartient pas au centre organisateur de la session.` });
    else if (site.actif === false) out.push({ field: 'site', message: `Le site « ${site.nom ?? site.id} » est inactif : choisissez un site actif du centre.` });
  }
  if (agrement && autorisation) {
    out.push({ field: 'agrement', message: 'Une session est couverte soit par un agrément, soit par une autorisation temporaire : choisissez l’un des deux.' });
    return out;
  }
  if (!agrement && !autorisation) {
    if (requis) out.push({ field: 'agrement', message: "L'agrément (ou l'autorisation temporaire) du centre couvrant la session est obligatoire pour la déclarer." });
    return out;
  }
  if (agrement) {
    const objet = session.type === 'CCS' ? 'le CCS' : 'le titre';
    if (agrement.centre !== session.centre) out.push({ field: 'agrement', message: "Cet agrément n'est pas un agrément du centre organisateur." });
    else if (session.type === 'CCS' ? agrement.ccs !== session.ccs : agrement.titre !== session.titre) {
      out.push({ field: 'agrement', message: `Cet agrément ne porte pas sur ${objet} de la session.` });
    } else if (agrement.statut !== 'ACCORDE') {
      out.push({ field: 'agrement', message: `Cet agrément n'est pas accordé (statut : ${STATUTS[agrement.statut] ?? agrement.statut}).` });
    } else if (!couvreDates(agrement, session)) {
      out.push({ field: 'agrement', message: `L'agrément (valide ${periode(agrement)}) ne couvre pas toute la session (${periode(session)}).` });
    } else if (agrement.site && site && agrement.site !== site.id) {
      out.push({ field: 'agrement', message: `Cet agrément porte sur un autre site du centre que « ${site.nom ?? site.id} ».` });
    }
  }
  if (autorisation) {
    if (autorisation.centre !== session.centre) out.push({ field: 'autorisationTemporaire', message: "Cette autorisation temporaire n'est pas une autorisation du centre organisateur." });
    else if (session.type === 'CCS') out.push({ field: 'autorisationTemporaire', message: 'Une autorisation temporaire porte sur un titre : elle ne couvre pas une session CCS.' });
    else if (autorisation.titre !== session.titre) out.push({ field: 'autorisationTemporaire', message: "Cette autorisation temporaire ne porte pas sur le titre de la session." });
    else if (!couvreDates(autorisation, session)) {
      out.push({ field: 'autorisationTemporaire', message: `L'autorisation temporaire (valide ${periode(autorisation)}) ne couvre pas toute la session (${periode(session)}).` });
    }
  }
  return out;
}
