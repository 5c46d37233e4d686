/**
 * The documents issued to one person, as the candidate's parcours shows them: each parchemin or CCS
 * certificate (numbered: documents_delivrances, its reissues from the edition log) and each livret de
 * certification (not numbered: its first edition is its issue, later ones are new editions). Pure: the rows
 * are read by services/store.ts.
 */
import { emetteur } from './emetteurs';
import { todayIso } from './format';
import { isTemplateId, TEMPLATES } from './templates';

/** The documents issued to a holder (certifications): only these appear in a parcours. */
export const MODELES_DELIVRES = (Object.keys(TEMPLATES) as (keyof typeof TEMPLATES)[]).filter((id) => TEMPLATES[id].kind === 'certification');

export interface ObjetLu {
  /** "inscription:<documentId>" */
  objet: string;
  session: string | null;
  sessionNumero: string | null;
}

export interface DelivranceLue {
  numero: string;
  templateId: string;
  objet: string;
  emetteur: string;
  /** AAAA-MM-JJ */
  dateDelivrance: string;
  lieuDelivrance: string;
  createdAt: Date | string;
}

export interface EditionLue {
  templateId: string;
  objet: string | null;
  numero: string | null;
  reedition: boolean;
  motif: string | null;
  createdAt: Date | string;
}

/** The shape the candidats plugin's parcours reads (plugins/candidats domain/parcours.ts DocumentDelivre). */
export interface DocumentDelivre {
  modele: string;
  libelle: string;
  numero: string | null;
  objet: string;
  session: string | null;
  sessionNumero: string | null;
  dateDelivrance: string;
  lieuDelivrance: string | null;
  delivreLe: string;
  imprime: boolean;
  reeditions: { date: string; le: string; motif: string | null }[];
}

const PARIS = 'Europe/Paris';
const instant = (value: Date | string) => (value instanceof Date ? value : new Date(value));

/** the issuer's own calendar day (Nouméa is ahead of Paris), as the date printed on a reissue */
function fuseau(code: string): string {
  try {
    return emetteur(code).timeZone;
  } catch {
    return PARIS;
  }
}

const libelleDe = (templateId: string) => (isTemplateId(templateId) ? TEMPLATES[templateId].label : templateId);

/** Oldest first (date of issue, then time of recording). */
export function documentsDelivres(objets: ObjetLu[], delivrances: DelivranceLue[], editions: EditionLue[]): DocumentDelivre[] {
  const parObjet = new Map(objets.map((o) => [o.objet, o]));
  const chrono = [...editions].sort((a, b) => instant(a.createdAt).getTime() - instant(b.createdAt).getTime());
  const documents: DocumentDelivre[] = [];

  for (const d of delivrances) {
    const timeZone = fuseau(d.emetteur);
    const siennes = chrono.filter((e) => e.numero === d.numero);
    documents.push({
      modele: d.templateId,
      libelle: libelleDe(d.templateId),
      numero: d.numero,
      objet: d.objet,
      session: parObjet.get(d.objet)?.session ?? null,
      sessionNumero: parObjet.get(d.objet)?.sessionNumero ?? null,
      dateDelivrance: d.dateDelivrance,
      lieuDelivrance: d.lieuDelivrance,
      delivreLe: instant(d.createdAt).toISOString(),
      imprime: siennes.length > 0,
      reeditions: siennes.filter((e) => e.reedition).map((e) => ({ date: todayIso(instant(e.createdAt), timeZone), le: instant(e.createdAt).toISOString(), motif: e.motif })),
    });
  }

  // not numbered (livret): one document per (model, objet), issued at its first edition
  const sansNumero = new Map<string, EditionLue[]>();
  for (const e of chrono) {
    if (e.numero || !e.objet || !isTemplateId(e.templateId) || TEMPLATES[e.templateId].serie || TEMPLATES[e.templateId].kind !== 'certification') continue;
    const cle = `${e.templateId}\u0000${e.objet}`;
    sansNumero.set(cle, [...(sansNumero.get(cle) ?? []), e]);
  }
  for (const [premiere, ...suivantes] of sansNumero.values()) {
    const objet = premiere.objet!;
    documents.push({
      modele: premiere.templateId,
      libelle: libelleDe(premiere.templateId),
      numero: null,
      objet,
      session: parObjet.get(objet)?.session ?? null,
      sessionNumero: parObjet.get(objet)?.sessionNumero ?? null,
      dateDelivrance: todayIso(instant(premiere.createdAt), PARIS),
      lieuDelivrance: null,
      delivreLe: instant(premiere.createdAt).toISOString(),
      imprime: true,
      reeditions: suivantes.map((e) => ({ date: todayIso(instant(e.createdAt), PARIS), le: instant(e.createdAt).toISOString(), motif: e.motif })),
    });
  }

  return documents.sort((a, b) => a.dateDelivrance.localeCompare(b.dateDelivrance) || a.delivreLe.localeCompare(b.delivreLe));
}
