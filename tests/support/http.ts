/** HTTP helpers for integration tests: log in as a demo user, call the bridge, drive it with ra-data-simple-rest. */
import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils } from 'ra-core';
import { runState } from './run-state';
import { DEMO_PASSWORD } from '../../strapi/src/seed/demo-users';

export const baseUrl = () => runState().baseUrl;

const tokens = new Map<string, string>();

/** Logs a demo user in (once per test file) and returns the access token. */
export async function login(username: string, password = DEMO_PASSWORD): Promise<string> {
  const cached = tokens.get(`${username}:${password}`);
  if (cached) return cached;
  const response = await fetch(`${baseUrl()}/api/auth/local`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ identifier: username, password }),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(`Connexion de ${username} refusée : ${JSON.stringify(body)}`);
  tokens.set(`${username}:${password}`, body.jwt);
  return body.jwt as string;
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** One raw call: `api(token).get('/api/ra/pays?range=[0,9]')`. Query strings are sent as written (JSON included). */
export function api(token?: string) {
  const call = async <T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> => {
    const url = new URL(path, baseUrl());
    const response = await fetch(url, {
      method,
      headers: {
        Accept: 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined && typeof body !== 'string' ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  };
  return {
    get: <T = any>(path: string, headers?: Record<string, string>) => call<T>('GET', path, undefined, headers),
    post: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => call<T>('POST', path, body ?? {}, headers),
    put: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => call<T>('PUT', path, body ?? {}, headers),
    delete: <T = any>(path: string, headers?: Record<string, string>) => call<T>('DELETE', path, undefined, headers),
    call,
  };
}

/** The real react-admin simple-REST data provider, running in Node against the bridge. */
export function raClient(token: string) {
  const httpClient = (url: string, options: fetchUtils.Options = {}) => {
    const headers = new Headers(options.headers ?? { Accept: 'application/json' });
    headers.set('Authorization', `Bearer ${token}`);
    return fetchUtils.fetchJson(url, { ...options, headers });
  };
  return simpleRestProvider(`${baseUrl()}/api/ra`, httpClient);
}
