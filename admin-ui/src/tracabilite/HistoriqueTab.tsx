/**
 * The "Historique" of one record: its trace rows, newest first, read-only (the `historique` bridge resource
 * answers only for a record the user may see). Two ways to use it on a Show page:
 *   <TabbedShowLayout> … <HistoriqueTab /> </TabbedShowLayout>   (a tab)
 *   <Historique />                                               (anywhere inside a record context)
 */
import type { ComponentProps } from 'react';
import { DataTable, ListBase, Pagination, TabbedShowLayout, useRecordContext, useResourceContext } from 'react-admin';
import { Typography } from '@mui/material';
import { ChangesField } from './ChangesField';
import { actionLabel, formatInstant, PROFILE_LABELS } from './format';

type Trace = { id: string; at: string; username: string | null; profile: string | null; action: string };

/** `label` lets a SimpleShowLayout show it under a caption: <Historique label="Historique" /> */
export const Historique = ({ resource: forced }: { resource?: string; label?: string }) => {
  const record = useRecordContext();
  const current = useResourceContext();
  const resource = forced ?? current;
  if (!record || !resource) return null;
  return (
    <ListBase
      resource="historique"
      filter={{ resource, record: record.id }}
      sort={{ field: 'at', order: 'DESC' }}
      perPage={25}
      disableSyncWithLocation
      storeKey={false}
    >
      <DataTable bulkActionButtons={false} rowClick={false} empty={<Typography variant="body2" sx={{ p: 2 }}>Aucune trace pour cet enregistrement.</Typography>}>
        <DataTable.Col source="at" label="Date" render={(t: Trace) => formatInstant(t.at)} />
        <DataTable.Col source="username" label="Agent" render={(t: Trace) => `${t.username ?? '—'}${t.profile ? ` (${PROFILE_LABELS[t.profile] ?? t.profile})` : ''}`} />
        <DataTable.Col source="action" label="Action" render={(t: Trace) => actionLabel(t.action)} />
        <DataTable.Col source="changes" label="Modifications" disableSort>
          <ChangesField resource={resource} />
        </DataTable.Col>
      </DataTable>
      <Pagination rowsPerPageOptions={[10, 25, 50]} />
    </ListBase>
  );
};

type TabProps = Omit<ComponentProps<typeof TabbedShowLayout.Tab>, 'label' | 'children'> & { label?: string; resource?: string };

/** The Historique tab of a TabbedShowLayout. */
export const HistoriqueTab = ({ label = 'Historique', resource, ...props }: TabProps) => (
  <TabbedShowLayout.Tab label={label} {...props}>
    <Historique resource={resource} />
  </TabbedShowLayout.Tab>
);
