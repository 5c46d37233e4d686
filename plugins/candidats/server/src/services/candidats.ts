/**
 * The candidate record's server rules: the validate hook of the candidats resource (domain/identite.ts
 * with the pays and commune records behind the relations, homonym confirmation at creation), the
 * values the server derives on every write (birth commune code/label/département as chosen, residence
 * département, creating centre or State service), and the recording of the homonym confirmation.
 */
import type { Core } from '@strapi/strapi';
import type { Principal, ValidationContext } from '@ceres/plugin-bridge';
import { departementDeCommune, departementDuCodePostal, verifierIdentite, type FieldError, type PaysInfo } from '../domain/identite';
import { aujourdhui, principalOf } from '@ceres/plugin-bridge/runtime';
import { createurDe } from '../domain/createur';
import { createDb, UID } from './db';
import type { HomonymesService } from './homonymes';

/** The ordered first names of a record (a JSON column may come back as its text). */
function prenomsDe(value: unknown): string[] {
  if (typeof value === 'string') {
    try {
      return prenomsDe(JSON.parse(value));
    } catch {
      return [];
    }
  }
  return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : [];
}

export function createCandidats(strapi: Core.Strapi, homonymes: () => HomonymesService) {
  async function commune(documentId: string) {
    return (await strapi.db.query(UID.commune as never).findOne({
      where: { documentId },
      select: ['id', 'codeInsee', 'nom'],
      populate: { departement: { select: ['code'] } },
    })) as { codeInsee: string; nom: string; departement: { code: string } | null } | null;
  }

  return {
    async verifier(record: Record<string, unknown>, context: ValidationContext): Promise<FieldError[]> {
      const errors: FieldError[] = [];
      // the record before the change may carry the JSON column as text
      if (typeof record.prenoms === 'string' && context.previous?.prenoms === record.prenoms) record = { ...record, prenoms: prenomsDe(record.prenoms) };
      if (context.mode === 'create' && record.confirmationNouvellePersonne !== true) {
        errors.push({
          field: 'confirmationNouvellePersonne',
          message: 'Contrôle d’homonymie : recherchez d’abord les homonymes, puis choisissez un candidat existant ou confirmez qu’il s’agit d’une nouvelle personne.',
        });
      }
      const pays = async (field: string) => (typeof record[field] === 'string' ? ((await context.lookup('pays', record[field] as string)) as PaysInfo | null) : null);
      const choisie = typeof record.communeNaissance === 'string' ? await commune(record.communeNaissance) : null;
      // a commune chosen anew replaces the stored code and label (the server copies them at write time)
      const communeChangee = context.mode === 'update' && context.previous?.communeNaissance !== record.communeNaissance;
      errors.push(
        ...verifierIdentite(record, {
          aujourdhui: aujourdhui(),
          paysNaissance: await pays('paysNaissance'),
          nationalite: await pays('nationalite'),
          communeNaissanceCodeReferentiel: communeChangee ? null : choisie?.codeInsee ?? null,
        }),
      );
      return errors;
    },

    /** Document Service middleware body: what the server derives from what the agent entered. */
    async deriver(action: 'create' | 'update', data: Record<string, unknown>, documentId?: string) {
      if ('codePostal' in data) data.departementResidence = departementDuCodePostal(data.codePostal as string | null);
      if (typeof data.communeNaissance === 'string' && data.communeNaissance) {
        const stored = documentId
          ? ((await strapi.db.query(UID.candidat as never).findOne({ where: { documentId }, populate: { communeNaissance: { select: ['documentId'] } } })) as {
              communeNaissance: { documentId: string } | null;
            } | null)
          : null;
        // a commune chosen anew gives its code and label (the edit form sends back the former ones); the
        // label is then frozen: a later renaming in the referential does not rewrite a birth place
        if (stored?.communeNaissance?.documentId !== data.communeNaissance) {
          const c = await commune(data.communeNaissance);
          if (c) {
            // the agent may type the name as it was at birth for that very code (commune since renamed)
            const libelleSaisi = data.communeNaissanceCode === c.codeInsee && typeof data.communeNaissanceLibelle === 'string' && data.communeNaissanceLibelle ? data.communeNaissanceLibelle : null;
            data.communeNaissanceCode = c.codeInsee;
            data.communeNaissanceLibelle = libelleSaisi ?? c.nom;
          }
        }
      }
      if ('communeNaissanceCode' in data) {
        const code = data.communeNaissanceCode as string | null;
        data.communeNaissanceDepartement = code ? departementDeCommune(code) : null;
      }
      if (data.communeNaissance === null && !data.communeNaissanceCode && 'paysNaissance' in data && data.paysNaissance) {
        data.communeNaissanceCode = null;
        data.communeNaissanceLibelle = null;
        data.communeNaissanceDepartement = null;
      }
      if (action === 'create') {
        // the creating service keeps the candidate in its scope wherever they live (domain/createur.ts)
        const user = (strapi.requestContext.get() as { state?: { user?: Parameters<typeof principalOf>[1] } } | undefined)?.state?.user;
        if (user) Object.assign(data, createurDe((await principalOf(strapi, user)).territory));
      }
    },

    /** After a creation: who confirmed it is a new person, when, and what the search showed then. */
    async enregistrerConfirmation(documentId: string, after: Record<string, unknown>, principal: Principal) {
      const correspondances = await homonymes()
        .rechercher(
          {
            nomNaissance: String(after.nomNaissance ?? ''),
            nomUsage: (after.nomUsage as string) ?? null,
            prenoms: prenomsDe(after.prenoms),
            dateNaissance: String(after.dateNaissance ?? ''),
          },
          { ...principal, territory: { kind: 'national' } },
          documentId,
        )
        .catch(() => []);
      // written beside the creation, in its transaction, without touching updatedAt: the record the agent
      // just received stays the current version (the optimistic check on the next save)
      const knex = await createDb(strapi).connection();
      await knex(createDb(strapi).table(UID.candidat))
        .where('document_id', documentId)
        .update({
          controle_homonymie: JSON.stringify({
            decision: 'NOUVELLE_PERSONNE_CONFIRMEE',
            confirmePar: principal.username,
            profil: principal.profile,
            le: new Date().toISOString(),
            homonymesSignales: correspondances.map((c) => ({ id: c.id, niveau: c.niveau, raisons: c.raisons })),
          }),
        });
    },
  };
}

export type CandidatsService = ReturnType<typeof createCandidats>;
