/** Display helpers of the reporting pages: French dates, states, and an authenticated file download. */
import { API_URL, httpClient } from '../providers/httpClient';
import { readSession } from '../providers/session';

export const jjmmaaaa = (iso?: string | null) => (iso ? iso.slice(0, 10).split('-').reverse().join('/') : '');

export const formatInstant = (iso?: string | null) =>
  iso ? new Date(iso).toLocaleString('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }) : '';

export const STATUT_EXTRACTION: Record<string, { label: string; color: 'default' | 'info' | 'success' | 'error' }> = {
  EN_ATTENTE: { label: 'En attente', color: 'default' },
  EN_COURS: { label: 'En cours', color: 'info' },
  TERMINEE: { label: 'Terminée', color: 'success' },
  ECHEC: { label: 'Échec', color: 'error' },
};

export const FICHIERS = [
  { id: 'sessions', label: 'Sessions' },
  { id: 'inscriptions', label: 'Inscriptions' },
  { id: 'resultats', label: 'Résultats' },
] as const;

/** POST a bridge action answering a file, with the agent's token (refreshed once on 401), and save it. */
export async function downloadAction(resource: string, id: string, action: string, body: unknown, fallbackName: string) {
  const call = () =>
    fetch(`${API_URL}/${resource}/${id}/${action}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${readSession()?.jwt ?? ''}` },
      body: JSON.stringify(body),
    });
  let response = await call();
  if (response.status === 401) {
    await httpClient(`${API_URL}/me`).catch(() => undefined);
    response = await call();
  }
  if (!response.ok) {
    const answer = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(answer?.error?.message ?? 'Le fichier n’a pas pu être téléchargé.');
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const filename = encoded ? decodeURIComponent(encoded) : fallbackName;
  saveBlob(await response.blob(), filename);
}

export function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
