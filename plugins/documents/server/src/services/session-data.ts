/**
 * A session's data for its documents, loaded with Strapi's query engine, and the certifications it grants
 * (parchemins, CCS certificates, livrets), as items for `documents.issue`. Used by the session's bridge
 * actions (session-actions.ts) and by the batches by région and period (lots.ts): one rule, one place.
 */
import type { Core } from '@strapi/strapi';
import { DocumentDataError } from '../domain/errors';
import { emetteurOf, personneOf, sessionOf } from '../domain/from-records';
import type { IssueFacts } from '../domain/issue-rules';
import type { InputOf } from '../domain/templates';
import type { CertificationId, EditItem } from './documents';

type Rec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** results validated: the only states in which certifications are issued */
export const RESULTATS_VALIDES = ['RESULTATS_VALIDES', 'CLOTUREE'];

const text = (value: unknown) => (typeof value === 'string' ? value : value == null ? '' : String(value));

export function sessionData(strapi: Core.Strapi) {
  return {
    async loadSession(id: number): Promise<Rec> {
      return (await strapi.db.query('api::session.session').findOne({
        where: { id },
        populate: {
          centre: { populate: { commune: true, region: true, departement: { populate: { region: true } } } },
          departement: { populate: { region: true } },
          titre: true,
          ccps: true,
          ccs: true,
        },
      })) as Rec;
    },

    async loadInscrits(sessionId: number): Promise<Rec[]> {
      return (
        ((await strapi.db.query('api::inscription.inscription').findMany({
          where: { session: { id: sessionId }, statut: 'INSCRIT' },
          populate: { candidat: { populate: { communeNaissance: { populate: { departement: true } }, paysNaissance: true } } },
          orderBy: { id: 'asc' },
        })) as Rec[]) ?? []
      );
    },

    async loadJury(sessionId: number): Promise<Rec[]> {
      return (((await strapi.db.query('api::membre-jury.membre-jury').findMany({ where: { session: { id: sessionId } }, populate: { jure: { populate: { commune: true } } }, orderBy: { id: 'asc' } })) as Rec[]) ?? [])
        .map((m) => m.jure)
        .filter(Boolean);
    },
  };
}

export interface Certifications<K extends CertificationId = CertificationId> {
  templateId: K;
  items: (EditItem<K> & { facts: IssueFacts })[];
}

function issuerOf(session: Rec) {
  const issuer = emetteurOf(session);
  if (!issuer) throw new DocumentDataError('centre.region', 'La région du centre est inconnue : le service émetteur ne peut pas être déterminé.');
  return issuer;
}

/** Parchemins (or CCS certificates for a CCS session) of the session's laureates; empty when none. */
export function parcheminsOf(session: Rec, inscrits: Rec[]): Certifications<'parchemin'> | Certifications<'certificat-ccs'> {
  const resultatsValides = RESULTATS_VALIDES.includes(session.statut);
  const ccs = session.type === 'CCS';
  const laureats = inscrits.filter((i) => i.decision === (ccs ? 'CCS_OBTENU' : 'TITRE_OBTENU'));
  if (!laureats.length) return ccs ? { templateId: 'certificat-ccs', items: [] } : { templateId: 'parchemin', items: [] };
  const issuer = issuerOf(session);
  const common = { emetteur: issuer.code, lieuDelivrance: issuer.lieu, dateJury: session.dateFin, titre: sessionOf(session).titre };
  const base = (i: Rec) => ({ objet: `inscription:${i.documentId}`, facts: { resultatsValides, decision: i.decision } });
  if (ccs) {
    return {
      templateId: 'certificat-ccs',
      items: laureats.map((i) => ({ ...base(i), input: { ...common, titulaire: personneOf(i.candidat ?? {}), ccs: { code: text(session.ccs?.code), intitule: text(session.ccs?.intitule) } } as InputOf['certificat-ccs'] })),
    };
  }
  return { templateId: 'parchemin', items: laureats.map((i) => ({ ...base(i), input: { ...common, titulaire: personneOf(i.candidat ?? {}) } as InputOf['parchemin'] })) };
}

/** Livrets of the partial successes with CCPs acquired; empty when none. */
export function livretsOf(session: Rec, inscrits: Rec[]): Certifications<'livret'> {
  const resultatsValides = RESULTATS_VALIDES.includes(session.statut);
  const ccps: Rec[] = session.ccps?.length ? session.ccps : [];
  const acquired = (i: Rec) => ccps.filter((c) => [c.code, c.documentId, String(c.id)].some((key) => i.resultatsCcp?.[key] === 'ACQUIS'));
  const partiels = inscrits.filter((i) => i.decision === 'REUSSITE_PARTIELLE' && acquired(i).length);
  if (!partiels.length) return { templateId: 'livret', items: [] };
  const issuer = issuerOf(session);
  return {
    templateId: 'livret',
    items: partiels.map((i) => ({
      objet: `inscription:${i.documentId}`,
      facts: { resultatsValides, nombreCcpAcquis: acquired(i).length },
      input: {
        emetteur: issuer.code,
        lieuDelivrance: issuer.lieu,
        titre: sessionOf(session).titre,
        titulaire: personneOf(i.candidat ?? {}),
        ccps: acquired(i).map((c) => ({ code: text(c.code), intitule: text(c.intitule), dateObtention: session.dateFin, modalite: 'SESSION' as const, session: text(session.numero) })),
      },
    })),
  };
}
