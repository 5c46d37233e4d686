import type { AuthProvider } from 'react-admin';
import { httpClient } from './httpClient';
import { clearSession, readSession, writeSession } from './session';
import { canAccess, type Permissions } from './permissions';

let permissions: Permissions | null = null;

async function loadPermissions(): Promise<Permissions> {
  permissions ??= (await httpClient('/api/ra/me')).json as Permissions;
  return permissions;
}

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const response = await fetch('/api/auth/local', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ identifier: username, password }),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body?.error?.message ?? 'Connexion impossible.');
    writeSession({ jwt: body.jwt, refreshToken: body.refreshToken, user: body.user });
    permissions = null;
    await loadPermissions();
  },
  async logout() {
    const session = readSession();
    permissions = null;
    if (session) {
      // ends the session on the server too: the refresh token can no longer be used
      await fetch('/api/auth/logout', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${session.jwt}` },
        body: JSON.stringify({}),
      }).catch(() => undefined);
    }
    clearSession();
  },
  async checkAuth() {
    if (!readSession()) throw new Error('Veuillez vous connecter.');
  },
  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      clearSession();
      permissions = null;
      throw new Error('Session expirée : veuillez vous reconnecter.');
    }
  },
  async getIdentity() {
    const me = await loadPermissions();
    return { id: me.id, fullName: `${me.username} — ${me.profileLabel}` };
  },
  async getPermissions() {
    return loadPermissions();
  },
  async canAccess({ resource, action }) {
    return canAccess(await loadPermissions(), resource, action);
  },
};
