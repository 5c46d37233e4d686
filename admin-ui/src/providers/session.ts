/**
 * The agent's session in the browser: short-lived access token, refresh token (users-permissions
 * "refresh" mode) and the permissions the server computed for this profile.
 */
const KEY = 'ceres.session';

export interface Session {
  jwt: string;
  refreshToken: string;
  user: { id: number; username: string; email: string };
}

export const readSession = (): Session | null => {
  const raw = localStorage.getItem(KEY);
  return raw ? (JSON.parse(raw) as Session) : null;
};
export const writeSession = (session: Session) => localStorage.setItem(KEY, JSON.stringify(session));
export const clearSession = () => localStorage.removeItem(KEY);
