/**
 * The candidate's path, read from the evenement-parcours rows (one per registration, session,
 * attendance, result, equivalence; a correction is a new row replacing the old one, which
 * stays) and derived per title by domain/parcours.ts. Correspondences between versions come from the
 * CCP referential (ccp.correspondances: the new CCP lists the earlier ones it corresponds to).
 * The documents issued (parchemins, livrets, certificats CCS, their reissues) are the documents plugin's:
 * asked from its service (`documentsDelivres`), merged into the history, never copied here; without that
 * plugin the path simply has no document.
 */
import type { Core } from '@strapi/strapi';
import { deriverParcours, historique, ccpsDetenus, TYPES_EVENEMENT, type CorrespondanceCcp, type DocumentDelivre, type Evenement, type TitreVersion } from '../domain/parcours';
import { badRequest } from '@ceres/plugin-bridge/runtime';
import { createDb, UID } from './db';

type Ref = { id: number; documentId: string } | null;
interface EvenementRow {
  id: number;
  documentId: string;
  type: Evenement['type'];
  date: string;
  createdAt: string;
  resultat: string | null;
  libelle: string | null;
  motifCorrection: string | null;
  enregistrePar: string | null;
  titre: (Ref & { code?: string; version?: number; intitule?: string; sigle?: string | null }) | null;
  ccp: (Ref & { code?: string; intitule?: string }) | null;
  session: (Ref & { numero?: string }) | null;
  remplace: Ref;
  demandeEquivalence: Ref;
}

export interface NouvelEvenement {
  candidat: number;
  type: Evenement['type'];
  date: string;
  titre?: number | null;
  ccp?: number | null;
  session?: number | null;
  inscription?: number | null;
  demandeEquivalence?: number | null;
  resultat?: string | null;
  libelle?: string | null;
  enregistrePar?: string | null;
}

/** What the candidats plugin asks of the documents plugin (plugins/documents services/documents.ts). */
interface DocumentsDuCandidat {
  documentsDelivres?: (candidatId: number) => Promise<DocumentDelivre[]>;
}

export function createParcours(strapi: Core.Strapi) {
  const db = createDb(strapi);
  /** the documents issued to a candidate, from the documents plugin when it is installed */
  const documentsDelivres = async (candidatId: number): Promise<DocumentDelivre[]> => {
    const documents = strapi.plugins.documents ? (strapi.plugin('documents').service('documents') as DocumentsDuCandidat | undefined) : undefined;
    return (await documents?.documentsDelivres?.(candidatId)) ?? [];
  };
  const evenements = () => strapi.db.query(UID.evenement as never);
  const sel = { select: ['id', 'documentId'] };

  async function lignes(candidatId: number): Promise<EvenementRow[]> {
    return (await evenements().findMany({
      where: { candidat: { id: candidatId } },
      populate: {
        titre: { select: ['id', 'documentId', 'code', 'version', 'intitule', 'sigle'] },
        ccp: { select: ['id', 'documentId', 'code', 'intitule'] },
        session: { select: ['id', 'documentId', 'numero'] },
        remplace: sel,
        demandeEquivalence: sel,
      },
      orderBy: [{ date: 'asc' }, { createdAt: 'asc' }],
    })) as unknown as EvenementRow[];
  }

  const versDomaine = (rows: EvenementRow[]): Evenement[] =>
    rows.map((r) => ({
      id: r.documentId,
      type: r.type,
      date: r.date,
      enregistreLe: new Date(r.createdAt).toISOString(),
      titre: r.titre?.documentId ?? null,
      ccp: r.ccp?.documentId ?? null,
      session: r.session?.documentId ?? null,
      resultat: r.resultat,
      remplace: r.remplace?.documentId ?? null,
    }));

  /** Referential correspondences reachable from the CCPs held (chains followed a few steps). */
  async function correspondances(ccpIds: number[]): Promise<{ pairs: { source: number; cible: number }[]; ids: number[] }> {
    const knex = await db.connection();
    const link = db.link(UID.ccp, 'correspondances');
    const pairs: { source: number; cible: number }[] = [];
    const seen = new Set(ccpIds);
    let frontier = ccpIds;
    for (let step = 0; step < 4 && frontier.length; step++) {
      const rows = (await knex(link.table).select({ cible: link.own, source: link.target }).whereIn(link.target, frontier)) as { cible: number; source: number }[];
      pairs.push(...rows);
      frontier = rows.map((r) => r.cible).filter((id) => !seen.has(id));
      frontier.forEach((id) => seen.add(id));
    }
    return { pairs, ids: [...seen] };
  }

  async function titresDe(ccpIds: number[], titreIds: number[]) {
    const knex = await db.connection();
    const link = db.link(UID.ccp, 'titres');
    const viaCcp = ccpIds.length ? ((await knex(link.table).distinct(link.target).whereIn(link.own, ccpIds)) as Record<string, number>[]).map((r) => r[link.target]) : [];
    const ids = [...new Set([...titreIds, ...viaCcp])];
    if (!ids.length) return [];
    return (await strapi.db.query(UID.titre as never).findMany({
      where: { id: { $in: ids } },
      select: ['id', 'documentId', 'code', 'version', 'intitule', 'sigle'],
      populate: { ccps: { select: ['id', 'documentId', 'code', 'intitule', 'rang'], orderBy: { rang: 'asc' } } },
      orderBy: [{ code: 'asc' }, { version: 'asc' }],
    })) as unknown as { id: number; documentId: string; code: string; version: number; intitule: string; sigle: string | null; ccps: { id: number; documentId: string; code: string; intitule: string; rang: number | null }[] }[];
  }

  return {
    /** The path of one candidate (numeric id already checked against the agent's territory). */
    async lire(candidatId: number, candidatDocumentId: string) {
      const [rows, documents] = await Promise.all([lignes(candidatId), documentsDelivres(candidatId)]);
      const domaine = versDomaine(rows);
      const heldIds = [...new Set(rows.map((r) => r.ccp?.id).filter((id): id is number => typeof id === 'number'))];
      const { pairs, ids: ccpIds } = await correspondances(heldIds);
      const titres = await titresDe(ccpIds, rows.map((r) => r.titre?.id).filter((id): id is number => typeof id === 'number'));
      const ccpDoc = new Map<number, string>();
      const ccpInfo = new Map<string, { code: string; intitule: string }>();
      for (const t of titres) for (const c of t.ccps) { ccpDoc.set(c.id, c.documentId); ccpInfo.set(c.documentId, { code: c.code, intitule: c.intitule }); }
      for (const r of rows) {
        if (r.ccp) {
          ccpDoc.set(r.ccp.id, r.ccp.documentId);
          if (!ccpInfo.has(r.ccp.documentId)) ccpInfo.set(r.ccp.documentId, { code: r.ccp.code ?? '', intitule: r.ccp.intitule ?? '' });
        }
      }
      if (pairs.length) {
        const missing = pairs.flatMap((p) => [p.source, p.cible]).filter((id) => !ccpDoc.has(id));
        if (missing.length) {
          const extra = (await strapi.db.query(UID.ccp as never).findMany({ where: { id: { $in: missing } }, select: ['id', 'documentId', 'code', 'intitule'] })) as unknown as { id: number; documentId: string; code: string; intitule: string }[];
          for (const c of extra) { ccpDoc.set(c.id, c.documentId); ccpInfo.set(c.documentId, { code: c.code, intitule: c.intitule }); }
        }
      }
      const corr: CorrespondanceCcp[] = pairs.map((p) => ({ source: ccpDoc.get(p.source)!, cible: ccpDoc.get(p.cible)! })).filter((c) => c.source && c.cible);
      const versions: TitreVersion[] = titres.map((t) => ({ id: t.documentId, libelle: t.intitule, ccps: t.ccps.map((c) => c.documentId) }));
      const bilans = deriverParcours(domaine, versions, corr);
      const titreInfo = new Map(titres.map((t) => [t.documentId, t as { code: string; version: number; intitule: string; sigle: string | null }]));
      for (const r of rows) if (r.titre && !titreInfo.has(r.titre.documentId)) titreInfo.set(r.titre.documentId, { code: r.titre.code ?? '', version: r.titre.version ?? 0, intitule: r.titre.intitule ?? '', sigle: r.titre.sigle ?? null });
      const byDoc = new Map(rows.map((r) => [r.documentId, r]));
      const titreLabel = (id: string | null | undefined) => {
        const t = id ? titreInfo.get(id) : undefined;
        return t ? `${t.sigle ? `${t.sigle} — ` : ''}${t.intitule} (${t.code}, ${t.version})` : null;
      };
      const ccpLabel = (id: string | null | undefined) => {
        const c = id ? ccpInfo.get(id) : undefined;
        return c ? `${c.code} — ${c.intitule}` : null;
      };
      return {
        id: candidatDocumentId,
        historique: historique(domaine, documents).map((e) => {
          const row = byDoc.get(e.id);
          if (!row) {
            // a document issued (documents plugin), or one of its reissues
            return { ...e, titreLibelle: null, ccpLibelle: null, sessionNumero: e.document?.sessionNumero ?? null, libelle: e.document?.libelle ?? null, motifCorrection: null, enregistrePar: null, demandeEquivalence: null };
          }
          return {
            ...e,
            titreLibelle: titreLabel(e.titre),
            ccpLibelle: ccpLabel(e.ccp),
            sessionNumero: row.session?.numero ?? null,
            libelle: row.libelle,
            motifCorrection: row.motifCorrection,
            enregistrePar: row.enregistrePar,
            demandeEquivalence: row.demandeEquivalence?.documentId ?? null,
          };
        }),
        titres: bilans.map((b) => ({
          ...b,
          titreLibelle: titreLabel(b.titre),
          ccps: b.ccps.map((c) => ({ ...c, ccpLibelle: ccpLabel(c.ccp), viaLibelle: c.detenu?.via ? ccpLabel(c.detenu.via) : null })),
        })),
      };
    },

    /** documentIds of the CCPs a candidate holds today (exam, equivalence, referential correspondences). */
    async ccpsDetenus(candidatId: number): Promise<Set<string>> {
      const rows = await lignes(candidatId);
      const heldIds = [...new Set(rows.map((r) => r.ccp?.id).filter((id): id is number => typeof id === 'number'))];
      const { pairs } = await correspondances(heldIds);
      const ids = [...new Set(pairs.flatMap((p) => [p.source, p.cible]))];
      const docs = ids.length ? ((await strapi.db.query(UID.ccp as never).findMany({ where: { id: { $in: ids } }, select: ['id', 'documentId'] })) as unknown as { id: number; documentId: string }[]) : [];
      const doc = new Map(docs.map((d) => [d.id, d.documentId]));
      const corr = pairs.map((p) => ({ source: doc.get(p.source)!, cible: doc.get(p.cible)! }));
      return new Set(ccpsDetenus(versDomaine(rows), corr).keys());
    },

    /** Records one event of the path (workflows call this: session results, equivalences, documents). */
    async enregistrer(evenement: NouvelEvenement) {
      if (!TYPES_EVENEMENT.includes(evenement.type)) throw badRequest('type', `Type d'événement inconnu « ${evenement.type} ».`);
      return evenements().create({ data: { ...evenement } as never });
    },
  };
}

export type ParcoursService = ReturnType<typeof createParcours>;
