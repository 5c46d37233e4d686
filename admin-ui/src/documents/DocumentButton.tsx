/**
 * Buttons that ask the server for a document (a bridge action answering a PDF) and show it in a new
 * browser tab. The call carries the agent's token, so the PDF arrives as a blob, never as a public URL.
 * Shown only when the permission matrix allows the action; the server's French refusal is notified.
 */
import { useState } from 'react';
import { Button as MuiButton, Stack } from '@mui/material';
import { useCanAccess, useNotify, useRecordContext } from 'react-admin';
import { API_URL, httpClient } from '../providers/httpClient';
import { readSession } from '../providers/session';

async function post(url: string, body: unknown) {
  const call = () =>
    fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${readSession()?.jwt ?? ''}` },
      body: JSON.stringify(body),
    });
  let response = await call();
  if (response.status === 401) {
    // an expired access token: any JSON call through httpClient refreshes it, then retry once
    await httpClient(`${API_URL}/me`).catch(() => undefined);
    response = await call();
  }
  return response;
}

/**
 * Asks the server for a document and shows it in a new tab. The tab is opened now, in the click, or the
 * browser blocks it; it is filled when the PDF arrives, closed on a refusal (the French message is returned).
 */
export async function openDocument(url: string, body: unknown): Promise<string | null> {
  const tab = window.open('', '_blank');
  try {
    const response = await post(url, body);
    if (!response.ok) {
      const answer = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      throw new Error(answer?.error?.message ?? 'Le document n’a pas pu être produit.');
    }
    const objectUrl = URL.createObjectURL(await response.blob());
    if (tab) tab.location.href = objectUrl;
    else window.location.assign(objectUrl);
    setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
    return null;
  } catch (error) {
    tab?.close();
    return (error as Error).message;
  }
}

export function DocumentButton({ resource, action, label, body = {} }: { resource: string; action: string; label: string; body?: Record<string, unknown> }) {
  const record = useRecordContext();
  const notify = useNotify();
  const [pending, setPending] = useState(false);
  const { canAccess } = useCanAccess({ resource, action, record });
  if (!record || !canAccess) return null;

  const open = async () => {
    setPending(true);
    const refused = await openDocument(`${API_URL}/${resource}/${record.id}/${action}`, body);
    setPending(false);
    if (refused) notify(refused, { type: 'error' });
  };

  return (
    <MuiButton size="small" variant="outlined" onClick={open} disabled={pending}>
      {pending ? 'Production…' : label}
    </MuiButton>
  );
}

/** The documents of a session, for its Show page: <SessionDocuments /> inside the record context. */
export function SessionDocuments() {
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <DocumentButton resource="sessions" action="editerConvocations" label="Convocations des candidats" />
      <DocumentButton resource="sessions" action="editerConvocationsJures" label="Convocations du jury" />
      <DocumentButton resource="sessions" action="editerListeJurys" label="Liste des jurys" />
      <DocumentButton resource="sessions" action="editerEmargement" label="Feuille d’émargement" />
      <DocumentButton resource="sessions" action="editerProcesVerbal" label="Procès-verbal" />
      <DocumentButton resource="sessions" action="delivrerParchemins" label="Parchemins (PDF unique)" />
      <DocumentButton resource="sessions" action="delivrerLivrets" label="Livrets de certification" />
    </Stack>
  );
}
