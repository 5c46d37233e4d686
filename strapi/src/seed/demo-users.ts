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
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin.national', email: 'admin.national@ceres.demo', profile: 'admin_national', label: 'Administrateur national' },
];

export async function seedDemoUsers(strapi: Core.Strapi) {
  if (process.env.NODE_ENV === 'production') {
    strapi.log.warn('CERES : comptes de démonstration non créés (NODE_ENV=production).');
    return;
  }
  const users = strapi.plugin('users-permissions').service('user');
  for (const demo of DEMO_USERS) {
    const existing = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { username: demo.username } });
    if (existing) continue;
    const role = (await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: demo.profile } })) as { id: number } | null;
    if (!role) throw new Error(`Profil inconnu pour le compte de démonstration ${demo.username} : ${demo.profile}`);
    await users.add({
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
