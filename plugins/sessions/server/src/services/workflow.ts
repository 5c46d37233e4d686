/**
 * The session actions: POST /api/ra/sessions/:id/<action>. The bridge has checked the permission matrix
 * and the territory and opened the transaction; each handler gathers the facts, asks the state
 * machine, then writes the session and its registrations / jury. A refusal throws before any write
 * (and any later error rolls the whole transaction back): nothing is half done.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { BridgeError, badRequest, checkBody, normalizeSearchText, type ActionContext, type AttributeDescription, type Registry, type Repository, type ResourceDefinition, type Writes } from '@ceres/plugin-bridge/runtime';
import {
  ACTIONS,
  availableActions,
  decide,
  type ActionFacts,
  type ActionName,
  type Decision,
  type InscriptionFacts,
  type Presence,
  type ResultatCcp,
  type Violation,
} from '../domain/state-machine';
import { eligibilityViolations, homonymesInscrits, premierPrenom, type Personne } from '../domain/eligibility';
import { liensDuJure, signalement, type Entreprise } from '../domain/impartialite';
import type { SessionSettings } from '../domain/settings';
import type { State } from '../domain/states';
import { CANDIDAT, createStore, EVENEMENT, INSCRIPTION, MEMBRE_JURY, SESSION, type InscriptionRow, type SessionRow } from './store';

const today = () => new Date().toISOString().slice(0, 10);

/** The state machine's refusal as the bridge's one error shape; the rule names travel in details. */
function refuse(violations: Violation[]): never {
  const [first] = violations;
  throw new BridgeError(first.status, first.message, first.field, { rule: first.rule, violations: violations.map(({ rule, message, field }) => ({ rule, message, field })) });
}

const PRESENCES: Presence[] = ['PRESENT', 'ABSENT', 'ABSENT_JUSTIFIE', 'ABANDON'];
const DECISIONS: Decision[] = ['TITRE_OBTENU', 'REUSSITE_PARTIELLE', 'ECHEC', 'ABSENT', 'CCS_OBTENU', 'CCS_NON_OBTENU'];
const VOIES = ['FORMATION_CONTINUE', 'PARCOURS_PROGRESSIF', 'APPRENTISSAGE', 'CONTRAT_PRO', 'VAE', 'REUSSITE_PARTIELLE'];

/** Input fields each action accepts (unknown ones are refused, with the field named). */
const INPUTS: Partial<Record<ActionName, Record<string, AttributeDescription>>> = {
  renvoyer: { motif: { type: 'text', maxLength: 2000 } },
  commanderDte: { commentaire: { type: 'text', maxLength: 5000 } },
  expedierDte: { dateExpedition: { type: 'date' } },
  annuler: { motif: { type: 'text', maxLength: 2000 } },
  deverrouiller: { motif: { type: 'text', maxLength: 2000 }, entretienFinal: { type: 'boolean' } },
  inscrire: {
    // an existing candidate (documentId) OR a new person created in the same transaction (the candidats resource's body)
    candidat: { type: 'string', maxLength: 40, regex: '^[a-z0-9]{10,40}$' },
    nouveauCandidat: { type: 'json' },
    voieAcces: { type: 'enumeration', enum: VOIES, required: true },
    livretEcf: { type: 'boolean' },
    amenagementHandicap: { type: 'text', maxLength: 2000 },
    confirmerHomonyme: { type: 'boolean' },
  },
  desinscrire: { inscription: { type: 'string', required: true, maxLength: 40 }, motif: { type: 'text', maxLength: 2000 } },
  ajouterJure: { jure: { type: 'string', required: true, maxLength: 40 } },
  retirerJure: { jure: { type: 'string', required: true, maxLength: 40 } },
  enregistrerResultats: { lignes: { type: 'json' }, jury: { type: 'json' }, pvNumero: { type: 'string', maxLength: 50 } },
};

function parseInput(action: ActionName, body: unknown): Record<string, unknown> {
  const attributes = INPUTS[action] ?? {};
  const resource = { name: 'sessions', uid: SESSION, label: 'cette action' } as ResourceDefinition;
  const raw = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : body;
  return checkBody(raw ?? {}, attributes, resource, 'create');
}

export function createWorkflow(strapi: Core.Strapi, settings: () => SessionSettings) {
  const store = createStore(strapi);
  const registry = () => strapi.plugin('ra').service('registry') as Registry;
  const repository = () => strapi.plugin('ra').service('repository') as Repository;
  const writes = () => strapi.plugin('ra').service('writes') as Writes;
  const q = (uid: string) => strapi.db.query(uid as never);

  const candidatLabel = (i: InscriptionRow) => {
    const c = i.candidat as Record<string, unknown> | null | undefined;
    if (!c) return `inscription ${i.documentId}`;
    const nom = (c.nomUsage || c.nomNaissance || c.nom || '') as string;
    const prenom = (Array.isArray(c.prenoms) ? c.prenoms[0] : c.prenoms || c.prenom || '') as string;
    return `${String(nom).toUpperCase()} ${prenom}`.trim() || `candidat ${c.documentId}`;
  };

  /** CCPs a result is expected on: every CCP of the title for a session titre, the targeted ones for a session CCP. */
  const ccpsEvalues = (session: SessionRow) =>
    session.type === 'TITRE' ? (session.titre?.ccps ?? []).map((c) => c.documentId) : session.type === 'CCP' ? session.ccps.map((c) => c.documentId) : [];

  async function facts(session: SessionRow, input: Record<string, unknown>, needs: { inscriptions?: boolean; jury?: boolean; agrement?: boolean }): Promise<ActionFacts> {
    const inscriptions = needs.inscriptions ? await store.inscriptions(session.id) : [];
    const jury = needs.jury ? await store.jury(session.id) : [];
    return {
      today: today(),
      settings: settings(),
      session: {
        statut: session.statut,
        type: session.type,
        dateDebut: session.dateDebut,
        dateFin: session.dateFin,
        centre: Boolean(session.centre),
        titre: Boolean(session.titre),
        nbCcps: session.ccps.length,
        ccs: Boolean(session.ccs),
        responsableSession: session.responsableSession,
        // the signed PV is an uploaded file (joindrePv), not a box to tick
        pvJoint: Boolean(session.pv),
        pvNumero: session.pvNumero,
        couverture: needs.agrement ? await store.couverture(store.idsOf(session)) : null,
      },
      inscriptions: inscriptions.map(
        (i): InscriptionFacts => ({
          candidat: candidatLabel(i),
          statut: i.statut,
          presence: i.presence,
          resultatsCcp: i.resultatsCcp,
          entretienFinal: i.entretienFinal,
          decision: i.decision,
        }),
      ),
      // the habilitation is read again now: one suspended since the juror was added no longer counts (finalisation)
      jury: await Promise.all(
        jury.map(async (m) => {
          const now = m.jure ? await store.habilite(m.jure.id, session) : null; // null: no habilitation module
          return {
            jure: String(m.jure?.documentId ?? m.documentId),
            nom: m.jure ? `${String(m.jure.nom ?? '').toUpperCase()} ${String(m.jure.prenom ?? '')}`.trim() : undefined,
            present: m.present,
            habilite: now === null ? m.habilite === true : now,
          };
        }),
      ),
      ccpsEvalues: ccpsEvalues(session),
      input,
    };
  }

  async function updateSession(session: SessionRow, data: Record<string, unknown>) {
    await q(SESSION).update({ where: { id: session.id }, data });
  }

  /** a registration written inside an action is traced too, under the registration's own name */
  async function traceInscription(ctx: ActionContext, action: string, id: number, before: Record<string, unknown> | null) {
    const resource = registry().resource('inscriptions');
    if (!resource) return;
    const after = await repository().findOne(resource, id);
    await registry().emitWrite({ principal: ctx.principal, resource: 'inscriptions', action, documentId: after.id, before, after });
  }
  const inscriptionRecord = async (id: number) => repository().findOne(registry().resource('inscriptions')!, id);

  /** effects of each action once the machine said yes: the session fields it sets */
  const effects: Record<ActionName, (ctx: ActionContext, session: SessionRow, input: Record<string, unknown>, to: State) => Promise<Record<string, unknown>>> = {
    declarer: async () => ({ dateDeclaration: today() }),
    renvoyer: async () => ({ dateDeclaration: null }),
    valider: async () => ({ dateValidation: today() }),
    commanderDte: async (_c, _s, input) => ({ dateCommandeDte: today(), commentaireDte: (input.commentaire as string | undefined) ?? null }),
    expedierDte: async (_c, _s, input) => ({ dateExpeditionDte: (input.dateExpedition as string | undefined) ?? today() }),
    envoyerConvocations: async (ctx, session) => {
      for (const i of (await store.inscriptions(session.id)).filter((r) => r.statut === 'INSCRIT')) {
        const before = await inscriptionRecord(i.id);
        await q(INSCRIPTION).update({ where: { id: i.id }, data: { dateConvocation: today() } });
        await traceInscription(ctx, 'convoquer', i.id, before);
      }
      return { dateConvocations: today() };
    },
    enregistrerResultats: async (ctx, session, input) => saveResults(ctx, session, input),
    finaliser: async () => ({ dateFinalisation: today() }),
    reprendreSaisie: async () => ({ dateFinalisation: null }),
    transmettre: async () => ({ dateTransmission: today() }),
    validerResultats: async (ctx, session) => {
      await recordValidatedResults(ctx, session);
      return { dateValidationResultats: today() };
    },
    cloturer: async () => ({ dateCloture: today() }),
    annuler: async (_c, session, input) => ({ motifAnnulation: String(input.motif).trim(), dateAnnulation: today(), statutAvantAnnulation: session.statut }),
    deverrouiller: async (_c, session, input) => ({
      motifDeverrouillage: String(input.motif).trim(),
      dateDeverrouillage: today(),
      entretienFinalDeverrouillage: typeof input.entretienFinal === 'boolean' ? input.entretienFinal : null,
      nbDeverrouillages: (session.nbDeverrouillages ?? 0) + 1,
    }),
    inscrire: async (ctx, session, input) => {
      await register(ctx, session, input);
      return {};
    },
    desinscrire: async (ctx, session, input) => {
      const inscription = (await store.inscriptions(session.id)).find((i) => i.documentId === input.inscription);
      if (!inscription) throw badRequest('inscription', "Le champ « inscription » ne désigne pas une inscription de cette session.");
      if (inscription.statut === 'DESINSCRIT') throw new BridgeError(409, 'Ce candidat est déjà désinscrit de la session.', 'inscription', { rule: 'DEJA_DESINSCRIT' });
      const motif = typeof input.motif === 'string' ? input.motif.trim() : '';
      if (motif.length < 3) throw new BridgeError(422, 'Le motif de désinscription est obligatoire (3 caractères au moins).', 'motif', { rule: 'MOTIF_OBLIGATOIRE' });
      const before = await inscriptionRecord(inscription.id);
      await q(INSCRIPTION).update({ where: { id: inscription.id }, data: { statut: 'DESINSCRIT', dateDesinscription: today(), motifDesinscription: motif } });
      await traceInscription(ctx, 'desinscrire', inscription.id, before);
      if (inscription.candidat) await recordRegistrationEvent(ctx, session, inscription.id, inscription.candidat.id, 'DESINSCRIPTION', `Désinscription de la session ${session.numero ?? session.documentId} : ${motif}`);
      return {};
    },
    ajouterJure: async (_c, session, input) => {
      await addJuror(session, String(input.jure));
      return {};
    },
    retirerJure: async (_c, session, input) => {
      const membre = (await store.jury(session.id)).find((m) => m.jure?.documentId === input.jure);
      if (!membre) throw badRequest('jure', "Ce juré ne fait pas partie du jury de la session.");
      await q(MEMBRE_JURY).delete({ where: { id: membre.id } });
      return {};
    },
  };

  async function register(ctx: ActionContext, session: SessionRow, input: Record<string, unknown>) {
    if (!store.hasAttribute(INSCRIPTION, 'candidat')) throw new BridgeError(409, "Les inscriptions ne sont pas encore disponibles : le module candidats n'est pas installé.");
    const existant = typeof input.candidat === 'string' ? input.candidat : null;
    if ((existant === null) === (input.nouveauCandidat === undefined || input.nouveauCandidat === null)) {
      throw badRequest('candidat', 'Indiquez soit le candidat à inscrire (« candidat »), soit la nouvelle personne à créer (« nouveauCandidat »), et un seul des deux.');
    }
    // Security: the candidate named here need not be in the agent's territory — registering them to a session of
    // the agent's centre is what brings them into scope (strapi/src/api/candidat/territory.ts). A documentId is not
    // guessable, and an agent learns one outside their scope only from the homonym search (homonymes resource),
    // which asks for the person's birth name, a first name and birth date: what the agent has of the person in
    // front of them. An unknown documentId is a 400, like any bad input.
    const documentId = existant ?? (await creerCandidat(ctx, input.nouveauCandidat));
    const candidat = (await q(CANDIDAT).findOne({ where: { documentId } })) as ({ id: number; documentId: string } & Record<string, unknown>) | null;
    if (!candidat) throw badRequest('candidat', "Le champ « candidat » désigne un candidat qui n'existe pas.");
    if (input.confirmerHomonyme !== true) {
      const personne = (c: Record<string, unknown>): Personne => ({ id: String(c.documentId), nom: String(c.nomNaissance ?? ''), prenom: premierPrenom(c.prenoms), dateNaissance: String(c.dateNaissance ?? '') });
      const inscrits = (await store.inscriptions(session.id)).filter((i) => i.statut === 'INSCRIT' && i.candidat).map((i) => personne(i.candidat as Record<string, unknown>));
      const [homonyme] = homonymesInscrits(personne(candidat), inscrits, normalizeSearchText);
      if (homonyme) {
        throw new BridgeError(
          409,
          `Un homonyme est déjà inscrit à cette session (${homonyme.nom.toUpperCase()} ${homonyme.prenom}, même date de naissance) : vérifiez qu'il ne s'agit pas de la même personne, puis confirmez l'inscription.`,
          'candidat',
          { rule: 'HOMONYME_INSCRIT', homonyme: homonyme.id },
        );
      }
    }
    const titre = session.titre?.documentId ?? session.ccs?.titre?.documentId ?? null;
    const violations = eligibilityViolations({
      target: { session: session.documentId, type: session.type, titre, dateDebut: session.dateDebut },
      history: await store.history(candidat.id),
      titreObtenu: session.type === 'CCS' && titre ? await titreObtenu(candidat, titre) : false,
      settings: settings(),
    });
    if (violations.length) refuse(violations);
    const created = (await q(INSCRIPTION).create({
      data: {
        session: session.id,
        candidat: candidat.id,
        voieAcces: input.voieAcces,
        livretEcf: input.livretEcf ?? false,
        amenagementHandicap: input.amenagementHandicap ?? null,
        statut: 'INSCRIT',
        dateInscription: today(),
      },
    })) as { id: number };
    await traceInscription(ctx, 'inscrire', created.id, null);
    await recordRegistrationEvent(ctx, session, created.id, candidat.id, 'INSCRIPTION', `Inscription à la session ${session.numero ?? session.documentId}`);
  }

  /**
   * A new person registered in the same flow: created exactly as by the candidate form (POST /api/ra/candidats:
   * the agent's right to create candidates, identity rules, explicit « nouvelle personne » confirmation after the
   * homonym search, recorded by the candidats plugin as controleHomonymie, trace), inside this action's
   * transaction: if the registration is then refused, the person is not created either. Errors name the field
   * under « nouveauCandidat. ».
   */
  async function creerCandidat(ctx: ActionContext, body: unknown): Promise<string> {
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('nouveauCandidat', 'Le champ « nouveauCandidat » doit être un objet : l’identité de la personne à créer.');
    const resource = registry().resource('candidats');
    if (!resource) throw new BridgeError(409, "La création de candidats n'est pas disponible : le module candidats n'est pas installé.", 'nouveauCandidat');
    try {
      return (await writes().create(resource, ctx.principal, body)).id;
    } catch (error) {
      if (error instanceof BridgeError && error.field) throw new BridgeError(error.status, error.message, `nouveauCandidat.${error.field}`, error.details);
      throw error;
    }
  }

  /**
   * Does the candidate hold the title a CCS is attached to? The candidate's parcours decides (candidats
   * plugin): title obtained in a session, by equivalence, or by capitalisation of every CCP of a version
   * (version correspondences included); any version of the title counts. Without that module: a validated
   * session result.
   */
  async function titreObtenu(candidat: { id: number; documentId: string }, titreDocumentId: string): Promise<boolean> {
    const parcours = strapi.plugins.candidats ? (strapi.plugin('candidats').service('parcours') as { lire?: (id: number, documentId: string) => Promise<{ titres: { titre: string; titreObtenu: unknown }[] }> }) : null;
    if (!parcours?.lire) return store.titreObtenu(candidat.id, titreDocumentId);
    const versions = await store.versionsDuTitre(titreDocumentId);
    const { titres } = await parcours.lire(candidat.id, candidat.documentId);
    return titres.some((t) => versions.includes(t.titre) && Boolean(t.titreObtenu));
  }

  async function addJuror(session: SessionRow, jureDocumentId: string) {
    if (!store.has(MEMBRE_JURY)) throw new BridgeError(409, "La composition du jury n'est pas encore disponible : le module jurys n'est pas installé.");
    const jure = (await q('api::jure.jure').findOne({ where: { documentId: jureDocumentId }, populate: { centresLies: true } })) as
      | ({ id: number; documentId: string; employeur?: string | null; centresLies?: { id: number; documentId: string }[] } & Record<string, unknown>)
      | null;
    if (!jure) throw badRequest('jure', "Le champ « jure » désigne un juré qui n'existe pas.");
    const jury = await store.jury(session.id);
    if (jury.some((m) => m.jure?.id === jure.id)) throw new BridgeError(409, 'Ce juré fait déjà partie du jury de la session.', 'jure', { rule: 'JURE_DEJA_PRESENT' });
    const habilite = await store.habilite(jure.id, session);
    if (habilite === false) {
      throw new BridgeError(422, "Ce juré n'a pas d'habilitation active pour ce titre (ou ce CCS) sur toute la durée de la session.", 'jure', { rule: 'JURE_NON_HABILITE' });
    }
    // impartiality flags are computed by signalerLiens once the juror is in (run() calls it after the action)
    await q(MEMBRE_JURY).create({ data: { session: session.id, jure: jure.id, habilite: habilite === true, lienSignale: false, lienDetail: null, dateAjout: today() } });
  }

  /**
   * Impartiality (domain/impartialite.ts): each juror's declared links with centres and companies, and
   * their own employer, against the session's centre and its registered candidates' centre and employer.
   * Recomputed whenever the jury or the registrations change; flagged on the jury, not refused.
   */
  async function signalerLiens(session: SessionRow) {
    if (!store.has(MEMBRE_JURY)) return;
    const membres = (await q(MEMBRE_JURY).findMany({
      where: { session: { id: session.id } },
      populate: { jure: { populate: { centresLies: { select: ['id', 'documentId'] } } } },
    })) as { id: number; lienSignale: boolean | null; lienDetail: string | null; jure: (Record<string, unknown> & { centresLies?: { documentId: string }[] }) | null }[];
    if (!membres.length) return;
    const inscriptions = store.hasAttribute(INSCRIPTION, 'candidat')
      ? ((await q(INSCRIPTION).findMany({
          where: { session: { id: session.id }, statut: 'INSCRIT' },
          populate: { candidat: { populate: store.hasAttribute(CANDIDAT, 'centreCreateur') ? { centreCreateur: { select: ['id', 'documentId'] } } : {} } },
        })) as InscriptionRow[])
      : [];
    const candidats = inscriptions
      .filter((i) => i.candidat)
      .map((i) => {
        const c = i.candidat as Record<string, unknown>;
        const employeur = typeof c.employeur === 'string' && c.employeur.trim() ? ({ raisonSociale: c.employeur.trim(), siret: (c.employeurSiret as string | null) ?? null } as Entreprise) : null;
        const centre = (c.centreCreateur as { documentId?: string } | null | undefined)?.documentId;
        return { nom: candidatLabel(i), centres: centre ? [centre] : [], employeur };
      });
    for (const m of membres) {
      if (!m.jure) continue;
      const entreprises = Array.isArray(m.jure.entreprisesLiees) ? (m.jure.entreprisesLiees as Entreprise[]).filter((e) => e && typeof e.raisonSociale === 'string') : [];
      const liens = liensDuJure(
        { centres: (m.jure.centresLies ?? []).map((c) => c.documentId), employeur: (m.jure.employeur as string | null) ?? null, entreprises },
        { id: session.centre?.documentId ?? null },
        candidats,
        normalizeSearchText,
      );
      const flag = signalement(liens);
      if (flag.lienSignale !== (m.lienSignale === true) || flag.lienDetail !== (m.lienDetail ?? null)) await q(MEMBRE_JURY).update({ where: { id: m.id }, data: flag });
    }
  }

  /** the results grid: attendance, per-CCP results, entretien final, decision, jury attendance, PV */
  async function saveResults(ctx: ActionContext, session: SessionRow, input: Record<string, unknown>): Promise<Record<string, unknown>> {
    const inscriptions = await store.inscriptions(session.id);
    const ccps = ccpsEvalues(session);
    const lignes = input.lignes ?? [];
    if (!Array.isArray(lignes) || lignes.length > 1000) throw badRequest('lignes', 'Le champ « lignes » doit être une liste de résultats (1000 au plus).');
    for (const [index, raw] of lignes.entries()) {
      const at = (field: string) => `lignes[${index}].${field}`;
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw badRequest(`lignes[${index}]`, 'Chaque ligne de résultats doit être un objet.');
      const ligne = raw as Record<string, unknown>;
      const unknown = Object.keys(ligne).find((k) => !['inscription', 'presence', 'resultatsCcp', 'entretienFinal', 'decision', 'justificatifAbsence'].includes(k));
      if (unknown) throw badRequest(at(unknown), `Champ inconnu « ${unknown} » dans une ligne de résultats.`);
      const inscription = inscriptions.find((i) => i.documentId === ligne.inscription);
      if (!inscription) throw badRequest(at('inscription'), "La ligne désigne une inscription qui n'appartient pas à cette session.");
      if (inscription.statut !== 'INSCRIT') throw badRequest(at('inscription'), 'Ce candidat est désinscrit : pas de résultat à saisir.');
      const data: Record<string, unknown> = {};
      if ('presence' in ligne) {
        if (ligne.presence !== null && !PRESENCES.includes(ligne.presence as Presence)) throw badRequest(at('presence'), `La présence doit valoir l'une des valeurs : ${PRESENCES.join(', ')}.`);
        data.presence = ligne.presence;
      }
      if ('resultatsCcp' in ligne) {
        const r = ligne.resultatsCcp;
        if (r !== null && (typeof r !== 'object' || Array.isArray(r))) throw badRequest(at('resultatsCcp'), 'Les résultats par CCP sont un objet { ccp: ACQUIS | NON_ACQUIS }.');
        for (const [ccp, value] of Object.entries((r ?? {}) as Record<string, unknown>)) {
          if (!ccps.includes(ccp)) throw badRequest(at('resultatsCcp'), `Le CCP « ${ccp} » n'est pas évalué dans cette session.`);
          if (value !== 'ACQUIS' && value !== 'NON_ACQUIS' && value !== null) throw badRequest(at('resultatsCcp'), 'Un résultat de CCP vaut ACQUIS ou NON_ACQUIS.');
        }
        data.resultatsCcp = r === null ? null : Object.fromEntries(Object.entries(r as Record<string, ResultatCcp | null>).filter(([, v]) => v !== null));
      }
      if ('entretienFinal' in ligne) {
        if (ligne.entretienFinal !== null && typeof ligne.entretienFinal !== 'boolean') throw badRequest(at('entretienFinal'), "L'entretien final vaut vrai ou faux.");
        if (session.type !== 'TITRE' && ligne.entretienFinal !== null) throw badRequest(at('entretienFinal'), "L'entretien final ne concerne que les sessions titre.");
        data.entretienFinal = ligne.entretienFinal;
      }
      if ('decision' in ligne) {
        const allowed = session.type === 'CCS' ? ['CCS_OBTENU', 'CCS_NON_OBTENU', 'ABSENT'] : ['TITRE_OBTENU', 'REUSSITE_PARTIELLE', 'ECHEC', 'ABSENT'];
        if (session.type === 'CCP') allowed.splice(allowed.indexOf('TITRE_OBTENU'), 1);
        if (ligne.decision !== null && (!DECISIONS.includes(ligne.decision as Decision) || !allowed.includes(ligne.decision as string))) {
          throw badRequest(at('decision'), `La décision doit valoir l'une des valeurs : ${allowed.join(', ')}.`);
        }
        data.decision = ligne.decision;
      }
      if ('justificatifAbsence' in ligne) {
        if (ligne.justificatifAbsence !== null && (typeof ligne.justificatifAbsence !== 'string' || ligne.justificatifAbsence.length > 300)) {
          throw badRequest(at('justificatifAbsence'), 'Le justificatif d’absence est une référence de pièce (300 caractères au plus).');
        }
        data.justificatifAbsence = typeof ligne.justificatifAbsence === 'string' ? ligne.justificatifAbsence.trim() || null : null;
      }
      const presence = (data.presence ?? inscription.presence) as Presence | null;
      // v1.7.1: a justified absence comes with its supporting document
      if (presence === 'ABSENT_JUSTIFIE' && !inscription.pieceAbsence) {
        throw new BridgeError(422, `Une absence justifiée exige son justificatif : joignez d’abord la pièce (PDF, PNG ou JPEG) à l’inscription de ${candidatLabel(inscription)}.`, at('pieceAbsence'), { rule: 'JUSTIFICATIF_ABSENCE' });
      }
      if (Object.keys(data).length) {
        const before = await inscriptionRecord(inscription.id);
        await q(INSCRIPTION).update({ where: { id: inscription.id }, data });
        await traceInscription(ctx, 'enregistrerResultats', inscription.id, before);
      }
    }
    const jury = input.jury ?? [];
    if (!Array.isArray(jury)) throw badRequest('jury', 'Le champ « jury » doit être une liste { jure, present }.');
    const membres = await store.jury(session.id);
    for (const [index, raw] of jury.entries()) {
      const item = (raw ?? {}) as Record<string, unknown>;
      const membre = membres.find((m) => m.jure?.documentId === item.jure);
      if (!membre) throw badRequest(`jury[${index}].jure`, 'Ce juré ne fait pas partie du jury de la session.');
      if (item.present !== null && typeof item.present !== 'boolean') throw badRequest(`jury[${index}].present`, 'La présence du juré vaut vrai ou faux.');
      await q(MEMBRE_JURY).update({ where: { id: membre.id }, data: { present: item.present } });
    }
    const patch: Record<string, unknown> = {};
    if ('pvNumero' in input) patch.pvNumero = typeof input.pvNumero === 'string' ? input.pvNumero.trim() || null : null;
    return patch;
  }

  /**
   * On validation: each candidate's results are appended to the registration's history (former values
   * stay visible after an unlock) and, when the candidates module records the parcours, as events there;
   * a re-validation's events replace the previous ones (which stay in the history).
   */
  async function recordValidatedResults(ctx: ActionContext, session: SessionRow) {
    const validation = today();
    for (const i of (await store.inscriptions(session.id)).filter((r) => r.statut === 'INSCRIT')) {
      const historique = Array.isArray(i.historiqueResultats) ? i.historiqueResultats : [];
      const entry = { version: historique.length + 1, dateValidation: validation, presence: i.presence, resultatsCcp: i.resultatsCcp, entretienFinal: i.entretienFinal, decision: i.decision };
      const before = await inscriptionRecord(i.id);
      await q(INSCRIPTION).update({ where: { id: i.id }, data: { historiqueResultats: [...historique, entry] } });
      await traceInscription(ctx, 'validerResultats', i.id, before);
      await recordParcours(ctx, session, i, validation);
    }
  }

  /**
   * The candidate's parcours (candidats module, api::evenement-parcours): one event per fact; after an
   * unlock, a changed value is a new event replacing the former one, which stays in the history.
   */
  async function recordParcours(ctx: ActionContext, session: SessionRow, i: InscriptionRow, date: string) {
    if (!store.has(EVENEMENT) || !i.candidat) return;
    const previous = (await q(EVENEMENT).findMany({
      where: { candidat: { id: i.candidat.id }, session: { id: session.id } },
      populate: { ccp: true },
      orderBy: { id: 'asc' },
    })) as { id: number; type: string; resultat: string | null; ccp?: { id: number } | null }[];
    const latest = (type: string, ccpId?: number) => [...previous].reverse().find((e) => e.type === type && (ccpId === undefined || e.ccp?.id === ccpId));
    const write = async (type: string, resultat: string | null, libelle: string, ccpId?: number) => {
      const former = latest(type, ccpId);
      if (former && former.resultat === resultat) return;
      await q(EVENEMENT).create({
        data: {
          type,
          date,
          candidat: i.candidat!.id,
          session: session.id,
          inscription: i.id,
          titre: session.titre?.id ?? session.ccs?.titre?.id ?? null,
          ccp: ccpId ?? null,
          resultat,
          libelle,
          remplace: former?.id ?? null,
          motifCorrection: former ? 'Résultats modifiés après déverrouillage de la session' : null,
          enregistrePar: ctx.principal.username,
        },
      });
    };
    const numero = session.numero ?? session.documentId;
    if (i.presence) await write('PRESENCE', i.presence, `Session ${numero}`);
    const ccps = session.type === 'TITRE' ? session.titre?.ccps ?? [] : session.ccps;
    for (const ccp of ccps) {
      const value = i.resultatsCcp?.[ccp.documentId];
      if (value) await write('RESULTAT_CCP', value, `${String(ccp.code ?? '')} ${String(ccp.intitule ?? '')} — session ${numero}`.trim(), ccp.id);
    }
    if (i.decision) await write('RESULTAT_TITRE', i.decision, `Décision du jury — session ${numero}`);
  }

  /** registration and unregistration are parcours events too */
  async function recordRegistrationEvent(ctx: ActionContext, session: SessionRow, inscriptionId: number, candidatId: number, type: 'INSCRIPTION' | 'DESINSCRIPTION', libelle: string) {
    if (!store.has(EVENEMENT)) return;
    await q(EVENEMENT).create({
      data: {
        type,
        date: today(),
        candidat: candidatId,
        session: session.id,
        inscription: inscriptionId,
        titre: session.titre?.id ?? session.ccs?.titre?.id ?? null,
        libelle,
        enregistrePar: ctx.principal.username,
      },
    });
  }

  async function run(action: ActionName, ctx: ActionContext) {
    const input = parseInput(action, ctx.body);
    // lock the row first: two agents acting at once on one session are serialised, the second sees the new state
    await (await trx()).raw('SELECT id FROM sessions WHERE id = ? FOR UPDATE', [ctx.id]);
    const session = await store.session(ctx.id);
    const needs = {
      inscriptions: ['envoyerConvocations', 'finaliser'].includes(action),
      jury: action === 'finaliser',
      agrement: action === 'declarer',
    };
    const decided = decide(action, ctx.principal.profile, await facts(session, input, needs));
    if (!decided.ok) refuse(decided.violations);
    const patch = await effects[action](ctx, session, input, decided.to);
    if (['ajouterJure', 'inscrire', 'desinscrire', 'envoyerConvocations'].includes(action)) await signalerLiens(session);
    await updateSession(session, { ...patch, ...(decided.to !== session.statut ? { statut: decided.to } : {}) });
    const record = await repository().findOne(registry().resource('sessions')!, session.id);
    return { ...record, actions: availableActions(decided.to, ctx.principal.profile) };
  }

  /** the bridge's transaction (actions always run inside one) */
  async function trx(): Promise<Knex> {
    const { trx } = await strapi.db.transaction(async ({ trx }) => ({ trx }));
    return trx as unknown as Knex;
  }

  return {
    run,
    register(registryInstance: Registry) {
      for (const name of ACTIONS) registryInstance.registerAction({ resource: 'sessions', name, handler: (ctx) => run(name, ctx) });
    },
  };
}

export type Workflow = ReturnType<typeof createWorkflow>;
