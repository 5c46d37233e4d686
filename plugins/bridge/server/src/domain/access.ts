/**
 * Who is asking, and what territory they cover. The permission matrix (permissions.ts) says what a
 * profile may do; the territory says on which rows. Pure data: built from the user by services/principal.ts.
 */
export const PROFILES = ['ADMIN_NATIONAL', 'DREETS', 'UD', 'CENTRE', 'NOUVELLE_CALEDONIE', 'AFPA', 'LECTURE'] as const;
export type Profile = (typeof PROFILES)[number];

export const PROFILE_LABELS: Record<Profile, string> = {
  ADMIN_NATIONAL: 'Administrateur national (MPCP)',
  DREETS: 'DREETS (région)',
  UD: 'DDETS / unité départementale',
  CENTRE: 'Centre agréé',
  NOUVELLE_CALEDONIE: 'Nouvelle-Calédonie (DFPC)',
  AFPA: 'AFPA (DTE)',
  LECTURE: 'Consultation nationale',
};

/** The rows a user may reach: everything, or what belongs to some centres / départements / régions. */
export type Territory =
  | { kind: 'national' }
  | { kind: 'centres'; centreIds: number[] }
  | { kind: 'departements'; codes: string[] }
  | { kind: 'regions'; codes: string[] };

export interface Principal {
  userId: number;
  username: string;
  email: string;
  profile: Profile;
  territory: Territory;
}

/** Nouvelle-Calédonie is a territory of its own: INSEE département code 988. */
export const NOUVELLE_CALEDONIE_DEPARTEMENT = '988';

export function territoryOf(
  profile: Profile,
  scope: { centreIds?: number[]; departementCodes?: string[]; regionCodes?: string[] },
): Territory {
  switch (profile) {
    case 'CENTRE':
      return { kind: 'centres', centreIds: scope.centreIds ?? [] };
    case 'UD':
      return { kind: 'departements', codes: scope.departementCodes ?? [] };
    case 'DREETS':
      return { kind: 'regions', codes: scope.regionCodes ?? [] };
    case 'NOUVELLE_CALEDONIE':
      return { kind: 'departements', codes: [NOUVELLE_CALEDONIE_DEPARTEMENT] };
    default:
      return { kind: 'national' };
  }
}
