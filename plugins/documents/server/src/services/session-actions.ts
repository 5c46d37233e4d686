/**
 * The session's documents as bridge actions (POST /api/ra/sessions/:id/<action>, answered as a PDF the
 * back-office shows in the browser; body { format: 'odt' } for ODT). The bridge checks the permission
 * matrix and the session's territory, and runs each action in one transaction with its trace.
 *   editerConvocations, editerConvocationsJures, editerListeJurys, editerEmargement, editerProcesVerbal
 *   delivrerParchemins, delivrerLivrets (after validated results; numbered, recorded)
 */
import type { Core } from '@strapi/strapi';
import type { Registry } from '@ceres/plugin-bridge';
import { DocumentDataError, DocumentRuleError } from '../domain/errors';
import { todayIso } from '../domain/format';
import { candidatSessionOf, emetteurOf, jureOf, personneOf, sessionOf } from '../domain/from-records';
import { assertIssuable } from '../domain/issue-rules';
import type { DocumentsService, Actor } from './documents';
import type { OutputFormat } from './renderer';
import { livretsOf, parcheminsOf, RESULTATS_VALIDES, sessionData } from './session-data';

type Rec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const SESSION_DOCUMENT_ACTIONS = [
  'editerConvocations',
  'editerConvocationsJures',
  'editerListeJurys',
  'editerEmargement',
  'editerProcesVerbal',
  'delivrerParchemins',
  'delivrerLivrets',
] as const;

function formatOf(body: unknown): OutputFormat {
  const format = (body as { format?: unknown } | null)?.format ?? 'pdf';
  if (format !== 'pdf' && format !== 'odt') throw new DocumentDataError('format', 'Format inconnu : « pdf » ou « odt ».');
  return format;
}

export function registerSessionActions(strapi: Core.Strapi, documents: () => DocumentsService) {
  const registry = strapi.plugin('ra').service('registry') as Registry;

  const { loadSession, loadInscrits, loadJury } = sessionData(strapi);

  const actorOf = (principal: { userId: number; username: string; profile: string }): Actor => ({ userId: principal.userId, label: `${principal.username} (${principal.profile})` });
  const fileName = (kind: string, session: Rec) => `${kind}-${String(session.numero ?? session.documentId).replace(/[^\w.-]+/g, '_')}`;

  const handlers: Record<(typeof SESSION_DOCUMENT_ACTIONS)[number], (ctx: { principal: any; id: number; documentId: string; body: unknown }) => Promise<unknown>> = {
    async editerConvocations({ principal, id, body }) {
      const format = formatOf(body);
      const session = await loadSession(id);
      const inscrits = await loadInscrits(id);
      assertIssuable('convocation-candidat', { nombreInscrits: inscrits.length });
      const heure = (body as { heure?: string })?.heure ?? '08:30';
      const rendered = await documents().edit(
        'convocation-candidat',
        inscrits.map((i) => ({
          objet: `inscription:${i.documentId}`,
          facts: { nombreInscrits: inscrits.length, inscrit: true },
          input: {
            session: sessionOf(session),
            candidat: { ...personneOf(i.candidat ?? {}), adresse: { lignes: [i.candidat?.adresse, i.candidat?.complementAdresse].filter(Boolean), codePostal: i.candidat?.codePostal, commune: i.candidat?.ville } },
            dateConvocation: session.dateDebut,
            heureConvocation: heure,
            dateEdition: todayIso(),
          },
        })),
        { actor: actorOf(principal), format },
      );
      return documents().fileAnswer(rendered, fileName('convocations', session));
    },

    async editerConvocationsJures({ principal, id, body }) {
      const format = formatOf(body);
      const session = await loadSession(id);
      const inscrits = await loadInscrits(id);
      const jury = (await loadJury(id)).map(jureOf);
      assertIssuable('convocation-jure', { nombreInscrits: inscrits.length });
      if (!jury.length) throw new DocumentRuleError('Aucun membre de jury dans cette session : pas de convocation de juré.', 'jury');
      const rendered = await documents().edit(
        'convocation-jure',
        jury.map((jure, index) => ({
          objet: `session:${session.documentId}:jure:${index + 1}`,
          input: { session: sessionOf(session), jure, jury, nombreCandidats: inscrits.length, dateConvocation: session.dateDebut, heureConvocation: (body as { heure?: string })?.heure ?? '08:00', dateEdition: todayIso() },
        })),
        { actor: actorOf(principal), format },
      );
      return documents().fileAnswer(rendered, fileName('convocations-jury', session));
    },

    async editerListeJurys({ principal, id, body }) {
      const format = formatOf(body);
      const session = await loadSession(id);
      const rendered = await documents().edit(
        'liste-jurys',
        [{ objet: `session:${session.documentId}`, input: { session: sessionOf(session), jures: (await loadJury(id)).map(jureOf), dateEdition: todayIso() } }],
        { actor: actorOf(principal), format },
      );
      return documents().fileAnswer(rendered, fileName('liste-jurys', session));
    },

    async editerEmargement({ principal, id, body }) {
      const format = formatOf(body);
      const session = await loadSession(id);
      const inscrits = await loadInscrits(id);
      assertIssuable('emargement', { nombreInscrits: inscrits.length });
      const date = (body as { date?: string })?.date ?? session.dateDebut;
      const rendered = await documents().edit(
        'emargement',
        [{ objet: `session:${session.documentId}`, input: { session: sessionOf(session), date, candidats: inscrits.map(candidatSessionOf), jures: (await loadJury(id)).map(jureOf) } }],
        { actor: actorOf(principal), format },
      );
      return documents().fileAnswer(rendered, fileName('emargement', session));
    },

    async editerProcesVerbal({ principal, id, body }) {
      const format = formatOf(body);
      const session = await loadSession(id);
      const inscrits = await loadInscrits(id);
      const lieu = text(session.centre?.commune?.nom) || text(session.lieu) || text(session.centre?.raisonSociale);
      const rendered = await documents().edit(
        'proces-verbal',
        [{ objet: `session:${session.documentId}`, input: { session: sessionOf(session), jury: (await loadJury(id)).map(jureOf), candidats: inscrits.map(candidatSessionOf), lieu, date: session.dateFin } }],
        { actor: actorOf(principal), format },
      );
      return documents().fileAnswer(rendered, fileName('proces-verbal', session));
    },

    async delivrerParchemins({ principal, id, body }) {
      const format = formatOf(body);
      const session = await loadSession(id);
      const resultatsValides = RESULTATS_VALIDES.includes(session.statut);
      if (!resultatsValides) assertIssuable('parchemin', { resultatsValides });
      const { templateId, items } = parcheminsOf(session, await loadInscrits(id));
      if (!items.length) throw new DocumentRuleError('Aucun candidat de cette session n’a obtenu le titre (ou le CCS) : pas de parchemin à délivrer.', 'decision');
      const issued = await documents().issue(templateId, items as never, { actor: actorOf(principal), format });
      return documents().fileAnswer(issued, fileName(templateId === 'certificat-ccs' ? 'certificats-ccs' : 'parchemins', session));
    },

    async delivrerLivrets({ principal, id, body }) {
      const format = formatOf(body);
      const session = await loadSession(id);
      const resultatsValides = RESULTATS_VALIDES.includes(session.statut);
      if (!resultatsValides) assertIssuable('livret', { resultatsValides });
      const { items } = livretsOf(session, await loadInscrits(id));
      if (!items.length) throw new DocumentRuleError('Aucune réussite partielle avec des CCP acquis dans cette session : pas de livret à délivrer.', 'decision');
      const issued = await documents().issue('livret', items, { actor: actorOf(principal), format });
      return documents().fileAnswer(issued, fileName('livrets', session));
    },
  };

  for (const name of SESSION_DOCUMENT_ACTIONS) registry.registerAction({ resource: 'sessions', name, handler: handlers[name] });

  // one candidate's documents (inscriptions/:id/…)
  const loadInscription = async (id: number): Promise<Rec> => {
    const inscription = (await strapi.db.query('api::inscription.inscription').findOne({
      where: { id },
      populate: { session: true, candidat: { populate: { communeNaissance: { populate: { departement: true } }, paysNaissance: true } } },
    })) as Rec;
    if (!inscription?.session?.id) throw new DocumentDataError('session', 'Cette inscription n’est rattachée à aucune session.');
    return inscription;
  };

  registry.registerAction({
    resource: 'inscriptions',
    name: 'editerConvocation',
    handler: async ({ principal, id, body }) => {
      const format = formatOf(body);
      const inscription = await loadInscription(id);
      const session = await loadSession(inscription.session?.id);
      const inscrits = await loadInscrits(session.id);
      const rendered = await documents().edit(
        'convocation-candidat',
        [
          {
            objet: `inscription:${inscription.documentId}`,
            facts: { nombreInscrits: inscrits.length, inscrit: inscription.statut === 'INSCRIT' },
            input: {
              session: sessionOf(session),
              candidat: { ...personneOf(inscription.candidat ?? {}), adresse: { lignes: [inscription.candidat?.adresse, inscription.candidat?.complementAdresse].filter(Boolean), codePostal: inscription.candidat?.codePostal, commune: inscription.candidat?.ville } },
              dateConvocation: session.dateDebut,
              heureConvocation: (body as { heure?: string })?.heure ?? '08:30',
              dateEdition: todayIso(),
            },
          },
        ],
        { actor: actorOf(principal), format },
      );
      return documents().fileAnswer(rendered, fileName('convocation', session));
    },
  });

  /** Reissue after a change of civil status (or a lost original): current identity, original number and date. */
  registry.registerAction({
    resource: 'inscriptions',
    name: 'reediterParchemin',
    handler: async ({ principal, id, body }) => {
      const format = formatOf(body);
      const motif = text((body as { motif?: unknown })?.motif).trim();
      if (!motif) throw new DocumentDataError('motif', 'Motif de la réédition obligatoire (ex. changement d’état civil, perte de l’original).');
      const inscription = await loadInscription(id);
      const session = await loadSession(inscription.session?.id);
      const serie = session.type === 'CCS' ? 'CCS' : 'TP';
      const templateId = serie === 'CCS' ? 'certificat-ccs' : 'parchemin';
      const delivrance = await documents().delivranceOf(serie, `inscription:${inscription.documentId}`);
      if (!delivrance) throw new DocumentRuleError('Aucun parchemin n’a encore été délivré pour ce résultat : rien à rééditer.', 'numero');
      const issuer = emetteurOf(session);
      const input = {
        emetteur: issuer?.code ?? delivrance.emetteur,
        lieuDelivrance: delivrance.lieuDelivrance,
        dateJury: session.dateFin,
        titre: sessionOf(session).titre,
        titulaire: personneOf(inscription.candidat ?? {}),
        ccs: { code: text(session.ccs?.code), intitule: text(session.ccs?.intitule) },
      };
      const reissued = await documents().reissue(delivrance.numero, templateId, input as never, { actor: actorOf(principal), motif, format });
      return documents().fileAnswer(reissued, `${templateId}-${delivrance.numero}`);
    },
  });
}

const text = (value: unknown) => (typeof value === 'string' ? value : value == null ? '' : String(value));
