import { fetchUtils, HttpError } from 'react-admin';
import { clearSession, readSession, writeSession } from './session';

export const API_URL = '/api/ra';

let refreshing: Promise<boolean> | null = null;

/** Exchanges the refresh token for a new access token, once for all the calls that need it. */
async function refresh(): Promise<boolean> {
  const session = readSession();
  if (!session) return false;
  refreshing ??= fetch('/api/auth/refresh', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ refreshToken: session.refreshToken }),
  })
    .then(async (response) => {
      if (!response.ok) {
        clearSession();
        return false;
      }
      const { jwt, refreshToken } = await response.json();
      writeSession({ ...session, jwt, refreshToken });
      return true;
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/** fetchJson with the bearer token, one silent refresh on 401, and CERES's French error messages. */
export async function httpClient(url: string, options: fetchUtils.Options = {}): ReturnType<typeof fetchUtils.fetchJson> {
  const call = () => {
    const headers = new Headers(options.headers ?? { Accept: 'application/json' });
    const session = readSession();
    if (session) headers.set('Authorization', `Bearer ${session.jwt}`);
    return fetchUtils.fetchJson(url, { ...options, headers });
  };
  try {
    return await call();
  } catch (error) {
    if (error instanceof HttpError && error.status === 401 && (await refresh())) return call();
    if (error instanceof HttpError) {
      const body = error.body as { error?: { message?: string } } | undefined;
      throw new HttpError(body?.error?.message ?? error.message, error.status, error.body);
    }
    throw error;
  }
}
