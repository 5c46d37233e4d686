/**
 * Demo accounts, one per profile. Created by the demo seed only, never in production
 * (NODE_ENV=production refuses them); listed in the README and printed by `npm start`.
 */
import type { Core } from '@strapi/strapi';

export const DEMO_PASSWORD = 'Ceres-Demo-2026';

export interface DemoUser {
  username: string;
  email: string;
  profile: string;
  label: string;
  departementCodes?: string[];
  regionCodes?: string[];
  /** SIRETs of the demo centres (seed/demo-organisations.ts) a CENTRE user manages */
  centreSirets?: string[];
}

/** Demo centres' SIRETs (Luhn-valid, fictitious), shared with seed/demo-organisations.ts and the tests. */
export const DEMO_SIRETS = {
  lyon: '91234567500017',
  villeurbanne: '91345678600015',
  paris: '91456789600016',
  marseille: '91567890800012',
  lille: '91678901900012',
  noumea: '91789012100010',
} as const;

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin.national', email: 'admin.national@ceres.demo', profile: 'admin_national', label: 'Administrateur national (MPCP)' },
  { username: 'dreets.ara', email: 'dreets.ara@ceres.demo', profile: 'dreets', label: 'DREETS Auvergne-Rhône-Alpes (région 84)', regionCodes: ['84'] },
  { username: 'dreets.idf', email: 'dreets.idf@ceres.demo', profile: 'dreets', label: 'DREETS Île-de-France (région 11)', regionCodes: ['11'] },
  { username: 'ud.rhone', email: 'ud.rhone@ceres.demo', profile: 'ud', label: 'DDETS du Rhône (69)', departementCodes: ['69'] },
  { username: 'ud.paris', email: 'ud.paris@ceres.demo', profile: 'ud', label: 'DDETS de Paris (75)', departementCodes: ['75'] },
  { username: 'centre.lyon', email: 'centre.lyon@ceres.demo', profile: 'centre', label: 'Centre agréé : Institut Formation Rhône (Lyon)', centreSirets: [DEMO_SIRETS.lyon] },
  { username: 'centre.paris', email: 'centre.paris@ceres.demo', profile: 'centre', label: 'Centre agréé : Paris Formation Compétences', centreSirets: [DEMO_SIRETS.paris] },
  { username: 'nc.dfpc', email: 'nc.dfpc@ceres.demo', profile: 'nouvelle_caledonie', label: 'Nouvelle-Calédonie (DFPC)' },
  { username: 'afpa.dte', email: 'afpa.dte@ceres.demo', profile: 'afpa', label: 'AFPA — dossiers techniques (DTE)' },
  { username: 'lecture', email: 'lecture@ceres.demo', profile: 'lecture', label: 'Consultation nationale (lecture seule)' },
];

export async function seedDemoUsers(strapi: Core.Strapi) {
  if (process.env.NODE_ENV === 'production') {
    strapi.log.warn('CERES : comptes de démonstration non créés (NODE_ENV=production).');
    return;
  }
  const users = strapi.plugin('users-permissions').service('user');
  for (const demo of DEMO_USERS) {
    const centres = demo.centreSirets?.length
      ? ((await strapi.db.query('api::centre.centre').findMany({ where: { siret: { $in: demo.centreSirets } }, select: ['id'] })) as { id: number }[]).map((c) => c.id)
      : [];
    const existing = (await strapi.db.query('plugin::users-permissions.user').findOne({ where: { username: demo.username } })) as { id: number } | null;
    if (existing) {
      // keep the demo scope in step with this file (the demo centres may have been created after the user)
      await strapi.db.query('plugin::users-permissions.user').update({
        where: { id: existing.id },
        data: { departementCodes: demo.departementCodes ?? [], regionCodes: demo.regionCodes ?? [], centres },
      });
      continue;
    }
    const role = (await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: demo.profile } })) as { id: number } | null;
    if (!role) throw new Error(`Profil inconnu pour le compte de démonstration ${demo.username} : ${demo.profile}`);
    await users.add({
      centres,
      username: demo.username,
      email: demo.email,
      password: DEMO_PASSWORD,
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.id,
      departementCodes: demo.departementCodes ?? [],
      regionCodes: demo.regionCodes ?? [],
    });
  }
}
