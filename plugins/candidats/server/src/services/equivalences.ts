/**
 * Equivalence requests: the checks of a submitted request (rule, validity, CCPs), the UD's decision
 * (accord → one EQUIVALENCE event per CCP granted, in the path; refus with its reason), and the
 * supporting documents (stored by the bridge's private store, ceres_piece, in the request's transaction;
 * read back through GET /api/ra/pieces/<id>).
 */
import type { Core } from '@strapi/strapi';
import type { Piece, PiecesService, Principal, UploadedFile } from '@ceres/plugin-bridge';
import { verifierDecision, verifierDemande, type Decision, type Demande, type Regle } from '../domain/equivalences';
import type { FieldError } from '../domain/identite';
import { aujourdhui, badRequest, notFound, unprocessable } from '@ceres/plugin-bridge/runtime';
import { UID } from './db';
import type { ParcoursService } from './parcours';

type Ref = { id: number; documentId: string };
interface RegleRow {
  id: number;
  documentId: string;
  libelle: string;
  type: Regle['type'];
  valideDu: string | null;
  valideAu: string | null;
  ccpsSource: Ref[];
  ccpsCible: Ref[];
}
interface DemandeRow {
  id: number;
  documentId: string;
  type: Regle['type'];
  sousType: string | null;
  statut: Demande['statut'];
  dateDemande: string | null;
  certificationExterne: string | null;
  candidat: Ref | null;
  regle: RegleRow | null;
  ccpsSource: Ref[];
  ccpsCible: Ref[];
  pieces: Piece[] | null;
}

const MAX_PIECES = 10;
const sel = { select: ['id', 'documentId'] };

const versRegle = (r: RegleRow): Regle => ({
  id: r.documentId,
  libelle: r.libelle,
  type: r.type,
  valideDu: r.valideDu,
  valideAu: r.valideAu,
  ccpsSource: r.ccpsSource.map((c) => c.documentId),
  ccpsCible: r.ccpsCible.map((c) => c.documentId),
});

export function createEquivalences(strapi: Core.Strapi, parcours: () => ParcoursService) {
  const regles = () => strapi.db.query(UID.regle as never);
  const demandes = () => strapi.db.query(UID.demande as never);

  async function regle(documentId: string): Promise<RegleRow | null> {
    return (await regles().findOne({ where: { documentId }, populate: { ccpsSource: sel, ccpsCible: sel } })) as unknown as RegleRow | null;
  }

  async function demande(id: number): Promise<DemandeRow> {
    const row = (await demandes().findOne({
      where: { id },
      populate: { candidat: sel, ccpsSource: sel, ccpsCible: sel, regle: { populate: { ccpsSource: sel, ccpsCible: sel } } },
    })) as unknown as DemandeRow | null;
    if (!row) throw notFound('Demande d’équivalence introuvable.');
    return row;
  }

  return {
    /** validate hook of the demandes-equivalence resource (record = merged body, relations as documentIds) */
    async verifier(record: Record<string, unknown>, mode: 'create' | 'update', previous?: Record<string, unknown>): Promise<FieldError[]> {
      if (mode === 'update' && previous?.statut && previous.statut !== 'DEPOSEE') {
        return [{ field: 'statut', message: 'Une demande décidée ne se modifie plus.' }];
      }
      if (!record.candidat) return [{ field: 'candidat', message: 'Le candidat de la demande est obligatoire.' }];
      if (mode === 'update' && previous && record.candidat !== previous.candidat) return [{ field: 'candidat', message: 'Le candidat d’une demande ne change pas.' }];
      const r = typeof record.regle === 'string' ? await regle(record.regle) : null;
      return verifierDemande(
        {
          type: record.type as Demande['type'],
          sousType: (record.sousType as string) ?? null,
          regle: (record.regle as string) ?? null,
          dateDemande: (record.dateDemande as string) ?? null,
          certificationExterne: (record.certificationExterne as string) ?? null,
          ccpsSource: (record.ccpsSource as string[]) ?? [],
          ccpsCible: (record.ccpsCible as string[]) ?? [],
        },
        r ? versRegle(r) : null,
        aujourdhui(),
      );
    },

    async decider(id: number, decision: Decision, principal: Principal) {
      const d = await demande(id);
      if (!d.candidat) throw unprocessable('La demande n’a pas de candidat.', 'candidat');
      const detenus = decision.decision === 'ACCORD' ? await parcours().ccpsDetenus(d.candidat.id) : new Set<string>();
      const probleme = verifierDecision(
        {
          type: d.type,
          statut: d.statut,
          dateDemande: d.dateDemande,
          ccpsSource: d.ccpsSource.map((c) => c.documentId),
          ccpsCible: d.ccpsCible.map((c) => c.documentId),
        },
        d.regle ? versRegle(d.regle) : null,
        decision,
        detenus,
        aujourdhui(),
      );
      if (probleme) throw probleme.field === 'motif' ? badRequest('motif', probleme.message) : unprocessable(probleme.message, probleme.field);
      const date = aujourdhui();
      await demandes().update({
        where: { id },
        data: {
          statut: decision.decision === 'ACCORD' ? 'ACCORDEE' : 'REFUSEE',
          dateDecision: date,
          decidePar: principal.username,
          motifDecision: decision.decision === 'REFUS' ? decision.motif.trim() : null,
        } as never,
      });
      if (decision.decision === 'ACCORD') {
        for (const ccp of d.ccpsCible) {
          await parcours().enregistrer({
            candidat: d.candidat.id,
            type: 'EQUIVALENCE',
            date,
            ccp: ccp.id,
            demandeEquivalence: id,
            resultat: 'ACQUIS',
            libelle: `Équivalence accordée${d.regle ? ` : ${d.regle.libelle}` : ''}`,
            enregistrePar: principal.username,
          });
        }
      }
      return { id: d.documentId, statut: decision.decision === 'ACCORD' ? 'ACCORDEE' : 'REFUSEE' };
    },

    /** Attaches the uploaded files (field "pieces") to a request still open. */
    async ajouterPieces(id: number, files: Record<string, UploadedFile | UploadedFile[]> | undefined, principal: Principal) {
      const d = await demande(id);
      if (d.statut !== 'DEPOSEE') throw unprocessable('La demande est décidée : on n’y ajoute plus de pièce.', 'pieces');
      const list = files ? Object.values(files).flat() : [];
      if (!list.length) throw badRequest('pieces', 'Aucun fichier reçu : joignez une pièce justificative (PDF, PNG ou JPEG, 10 Mo au plus).');
      const existantes = d.pieces ?? [];
      if (existantes.length + list.length > MAX_PIECES) throw badRequest('pieces', `Une demande compte au plus ${MAX_PIECES} pièces justificatives.`);
      const pieces = strapi.plugin('ra').service('pieces') as PiecesService;
      const ajouts = await pieces.enregistrer({ ressource: 'demandes-equivalence', documentId: d.documentId, usage: 'pieces' }, list, principal);
      await demandes().update({ where: { id }, data: { pieces: [...existantes, ...ajouts] } as never });
      return { id: d.documentId, pieces: [...existantes, ...ajouts] };
    },
  };
}

export type EquivalencesService = ReturnType<typeof createEquivalences>;
