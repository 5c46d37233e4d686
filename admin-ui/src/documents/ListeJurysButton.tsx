/**
 * "Imprimer la liste" on the habilitated jurors' list: the PDF of the rows the current filters select
 * (title, département, "active between two dates"), with phone and postal address. An export of the list,
 * not an action on a habilitation: the server prints it for the agent's centre, within that centre's reach
 * (POST /api/ra/centres/:id/imprimerListeJurys). Shown only to the profiles the matrix allows.
 */
import { useState } from 'react';
import PrintIcon from '@mui/icons-material/Print';
import { Button, useCanAccess, useGetList, useListContext, useNotify } from 'react-admin';
import { API_URL } from '../providers/httpClient';
import { openDocument } from './DocumentButton';

export function ListeJurysButton() {
  const { filterValues } = useListContext();
  const notify = useNotify();
  const [pending, setPending] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'centres', action: 'imprimerListeJurys' });
  // a centre's account reaches its own centre(s) only: the list is printed for the first one
  const { data: centres } = useGetList('centres', { pagination: { page: 1, perPage: 1 }, sort: { field: 'raisonSociale', order: 'ASC' } }, { enabled: Boolean(canAccess) });
  const centre = centres?.[0];
  if (!canAccess || !centre) return null;

  const print = async () => {
    setPending(true);
    const filter = Object.fromEntries(Object.entries(filterValues ?? {}).filter(([, value]) => value !== undefined && value !== null && value !== ''));
    const refused = await openDocument(`${API_URL}/centres/${centre.id}/imprimerListeJurys`, { filter });
    setPending(false);
    if (refused) notify(refused, { type: 'error' });
  };

  return (
    <Button label={pending ? 'Production…' : 'Imprimer la liste'} onClick={print} disabled={pending}>
      <PrintIcon />
    </Button>
  );
}
