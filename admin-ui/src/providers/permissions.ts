/**
 * The back-office reads the server's permission matrix (GET /api/ra/me) to hide what would be refused.
 * It never replaces the server's check.
 */
export interface Permissions {
  id: number;
  username: string;
  profile: string;
  profileLabel: string;
  permissions: Record<string, string[]>;
}

export function canAccess(me: Pick<Permissions, 'permissions'> | null, resource: string, action: string): boolean {
  if (!me) return false;
  if (resource === 'dashboard') return true;
  return me.permissions[resource]?.includes(action) ?? false;
}
