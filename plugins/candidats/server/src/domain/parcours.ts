/**
 * The candidate's path (parcours, domain §2.7): every event in time order, corrections kept as history
 * (v1.7 "données historisées du parcours non visibles"), and what it amounts to per title:
 * CCPs held (by exam, by equivalence, by correspondence between versions — with dates), the title
 * obtained (in a session, by equivalence, or by capitalisation once every CCP of a version is held),
 * and partial success → livret de certification.
 */
export const TYPES_EVENEMENT = ['INSCRIPTION', 'DESINSCRIPTION', 'SESSION', 'PRESENCE', 'RESULTAT_CCP', 'RESULTAT_TITRE', 'EQUIVALENCE', 'DOCUMENT'] as const;
export type TypeEvenement = (typeof TYPES_EVENEMENT)[number];

export interface Evenement {
  id: string;
  type: TypeEvenement;
  /** AAAA-MM-JJ: when it happened (session date, decision date…) */
  date: string;
  /** when it was recorded, to order events of the same day and corrections */
  enregistreLe?: string;
  titre?: string | null;
  ccp?: string | null;
  session?: string | null;
  /** ACQUIS / NON_ACQUIS (CCP), TITRE_OBTENU / REUSSITE_PARTIELLE / ECHEC / ABSENT (title), PRESENT / ABSENT… */
  resultat?: string | null;
  /** this event corrects (replaces) that one; the replaced one stays in the history */
  remplace?: string | null;
}

export interface TitreVersion {
  id: string;
  libelle?: string;
  /** CCP ids of this version (a CCP common to several titles is in each) */
  ccps: string[];
}

/** A correspondence between versions (rule CORRESPONDANCE_VERSION): holding `source` gives `cible`. */
export interface CorrespondanceCcp {
  source: string;
  cible: string;
  valideDu?: string | null;
  valideAu?: string | null;
}

export type ModeObtention = 'EXAMEN' | 'EQUIVALENCE' | 'CORRESPONDANCE';

export interface CcpDetenu {
  ccp: string;
  date: string;
  mode: ModeObtention;
  /** the event (exam result or equivalence) it comes from */
  evenement: string;
  /** for a correspondence: the CCP held that gives this one */
  via?: string;
}

export interface BilanTitre {
  titre: string;
  ccps: { ccp: string; detenu: CcpDetenu | null }[];
  titreObtenu: { date: string; mode: 'SESSION' | 'EQUIVALENCE' | 'CAPITALISATION'; evenement?: string } | null;
  /** partial success: at least one CCP held, title not obtained */
  livretDeCertification: boolean;
}

/**
 * A parchemin, livret de certification or certificat CCS issued to the candidate, as the documents plugin
 * keeps it (its own tables, read through its service, never copied into the path's events).
 */
export interface DocumentDelivre {
  /** parchemin, livret, certificat-ccs */
  modele: string;
  /** "Parchemin du titre professionnel"… */
  libelle: string;
  /** null for a livret (not numbered) */
  numero: string | null;
  /** what it was issued for, e.g. "inscription:<documentId>" */
  objet: string;
  session?: string | null;
  sessionNumero?: string | null;
  /** AAAA-MM-JJ, the issuer's day */
  dateDelivrance: string;
  lieuDelivrance: string | null;
  /** when it was recorded (orders documents of the same day) */
  delivreLe?: string;
  /** false: numbered when the results were validated, not printed yet */
  imprime: boolean;
  /** each later edition: AAAA-MM-JJ, instant, reason */
  reeditions: { date: string; le?: string; motif: string | null }[];
}

/** What a DOCUMENT line of the history carries: the issue itself, or one of its reissues. */
export interface LigneDocument {
  modele: string;
  libelle: string;
  numero: string | null;
  objet: string;
  sessionNumero: string | null;
  dateDelivrance: string;
  lieuDelivrance: string | null;
  imprime: boolean;
  /** this line is a reissue (its date is the reissue's); the original date stays in dateDelivrance */
  reedition: boolean;
  motif: string | null;
  /** reissues of this document so far */
  nombreReeditions: number;
}

export interface LigneHistorique extends Evenement {
  /** replaced by a later correction (still shown, struck through) */
  corrige: boolean;
  corrigePar?: string;
  /** for a DOCUMENT line read from the documents plugin */
  document?: LigneDocument;
}

const ordre = (a: Evenement, b: Evenement) => a.date.localeCompare(b.date) || (a.enregistreLe ?? '').localeCompare(b.enregistreLe ?? '') || a.id.localeCompare(b.id);

/**
 * The history lines of the documents issued: one at the date of issue, one at the date of each reissue
 * (with its reason). Their ids start with "document:" and never collide with the events' documentIds.
 */
export function lignesDocuments(documents: DocumentDelivre[]): LigneHistorique[] {
  return documents.flatMap((d) => {
    const cle = `document:${d.modele}:${d.numero ?? d.objet}`;
    const base = {
      type: 'DOCUMENT' as const,
      session: d.session ?? null,
      remplace: null,
      corrige: false,
    };
    const document = (reedition: boolean, motif: string | null): LigneDocument => ({
      modele: d.modele,
      libelle: d.libelle,
      numero: d.numero,
      objet: d.objet,
      sessionNumero: d.sessionNumero ?? null,
      dateDelivrance: d.dateDelivrance,
      lieuDelivrance: d.lieuDelivrance,
      imprime: d.imprime,
      reedition,
      motif,
      nombreReeditions: d.reeditions.length,
    });
    return [
      { ...base, id: cle, date: d.dateDelivrance, enregistreLe: d.delivreLe, resultat: d.imprime ? 'DELIVRE' : 'NUMEROTE', document: document(false, null) },
      ...d.reeditions.map((r, index) => ({ ...base, id: `${cle}:reedition:${index + 1}`, date: r.date, enregistreLe: r.le ?? d.delivreLe, resultat: 'REEDITE', document: document(true, r.motif) })),
    ];
  });
}

/**
 * Every event, oldest first, each replaced one marked with the correction that replaced it; the documents
 * issued (and their reissues) merged in time order. Documents never count in what is held (deriverParcours).
 */
export function historique(evenements: Evenement[], documents: DocumentDelivre[] = []): LigneHistorique[] {
  const remplacePar = new Map<string, string>();
  for (const e of evenements) if (e.remplace) remplacePar.set(e.remplace, e.id);
  const lignes: LigneHistorique[] = evenements.map((e) => ({ ...e, corrige: remplacePar.has(e.id), ...(remplacePar.has(e.id) ? { corrigePar: remplacePar.get(e.id) } : {}) }));
  return [...lignes, ...lignesDocuments(documents)].sort(ordre);
}

/** The events in force: those no correction replaced. */
export function evenementsEnVigueur(evenements: Evenement[]): Evenement[] {
  const remplaces = new Set(evenements.map((e) => e.remplace).filter(Boolean));
  return evenements.filter((e) => !remplaces.has(e.id)).sort(ordre);
}

const dansValidite = (date: string, c: CorrespondanceCcp) => (!c.valideDu || date >= c.valideDu) && (!c.valideAu || date <= c.valideAu);

/**
 * CCPs held, each with its earliest date. A correspondence gives its target from the day the source
 * is held (or the rule starts, if later), provided the rule is still valid that day; chains
 * (v1 → v2 → v3) are followed.
 */
export function ccpsDetenus(evenements: Evenement[], correspondances: CorrespondanceCcp[] = []): Map<string, CcpDetenu> {
  const detenus = new Map<string, CcpDetenu>();
  const retenir = (d: CcpDetenu) => {
    const actuel = detenus.get(d.ccp);
    if (!actuel || d.date < actuel.date) {
      detenus.set(d.ccp, d);
      return true;
    }
    return false;
  };
  for (const e of evenementsEnVigueur(evenements)) {
    if (!e.ccp) continue;
    if (e.type === 'RESULTAT_CCP' && e.resultat === 'ACQUIS') retenir({ ccp: e.ccp, date: e.date, mode: 'EXAMEN', evenement: e.id });
    if (e.type === 'EQUIVALENCE' && (e.resultat ?? 'ACQUIS') === 'ACQUIS') retenir({ ccp: e.ccp, date: e.date, mode: 'EQUIVALENCE', evenement: e.id });
  }
  for (let tour = 0; tour < 10; tour++) {
    let change = false;
    for (const c of correspondances) {
      const source = detenus.get(c.source);
      if (!source) continue;
      const date = c.valideDu && c.valideDu > source.date ? c.valideDu : source.date;
      if (!dansValidite(date, c)) continue;
      change = retenir({ ccp: c.cible, date, mode: 'CORRESPONDANCE', evenement: source.evenement, via: c.source }) || change;
    }
    if (!change) break;
  }
  return detenus;
}

/** The path per title, for the titles the candidate has an event in or holds a CCP of. */
export function deriverParcours(evenements: Evenement[], titres: TitreVersion[], correspondances: CorrespondanceCcp[] = []): BilanTitre[] {
  const enVigueur = evenementsEnVigueur(evenements);
  const detenus = ccpsDetenus(evenements, correspondances);
  const bilans: BilanTitre[] = [];
  for (const titre of titres) {
    const evenementsTitre = enVigueur.filter((e) => e.titre === titre.id);
    const ccps = titre.ccps.map((ccp) => ({ ccp, detenu: detenus.get(ccp) ?? null }));
    if (!evenementsTitre.length && !ccps.some((c) => c.detenu)) continue;

    let titreObtenu: BilanTitre['titreObtenu'] = null;
    const parSession = evenementsTitre.find((e) => e.type === 'RESULTAT_TITRE' && e.resultat === 'TITRE_OBTENU');
    const parEquivalence = evenementsTitre.find((e) => e.type === 'EQUIVALENCE' && !e.ccp && e.resultat === 'TITRE_OBTENU');
    const premier = [parSession, parEquivalence].filter((e): e is Evenement => Boolean(e)).sort(ordre)[0];
    if (premier) titreObtenu = { date: premier.date, mode: premier.type === 'EQUIVALENCE' ? 'EQUIVALENCE' : 'SESSION', evenement: premier.id };
    else if (ccps.length && ccps.every((c) => c.detenu)) {
      const date = ccps.map((c) => c.detenu!.date).sort().at(-1)!;
      titreObtenu = { date, mode: 'CAPITALISATION' };
    }
    bilans.push({ titre: titre.id, ccps, titreObtenu, livretDeCertification: !titreObtenu && ccps.some((c) => c.detenu) });
  }
  return bilans;
}
