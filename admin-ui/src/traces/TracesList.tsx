/**
 * Global trace search (national administrators): by agent, resource, record, action and period.
 * Read-only: no create, edit or delete anywhere, no bulk actions.
 */
import { DataTable, DateInput, ExportButton, FilterButton, List, SelectInput, TextInput, TopToolbar, usePermissions } from 'react-admin';
import { ChangesField } from '../tracabilite/ChangesField';
import { actionLabel, formatInstant, PROFILE_LABELS } from '../tracabilite/format';
import type { Permissions } from '../providers/permissions';

type Trace = { id: string; at: string; username: string | null; profile: string | null; resource: string; record: string; action: string };

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <ExportButton maxResults={1000} />
  </TopToolbar>
);

/** the resources the administrator's profile knows (from GET /api/ra/me), as choices */
const useResourceChoices = () => {
  const { permissions } = usePermissions<Permissions>();
  return Object.keys(permissions?.permissions ?? {})
    .filter((name) => name !== 'traces' && name !== 'historique')
    .sort()
    .map((name) => ({ id: name, name }));
};

export const TracesList = () => {
  const resources = useResourceChoices();
  const filters = [
    <TextInput key="username" source="username" label="Agent (identifiant)" alwaysOn />,
    <SelectInput key="resource" source="resource" label="Ressource" choices={resources} alwaysOn />,
    <DateInput key="at_gte" source="at_gte" label="Du" alwaysOn />,
    <DateInput key="at_lte" source="at_lte" label="Au" alwaysOn />,
    <SelectInput
      key="action"
      source="action"
      label="Action"
      choices={[
        { id: 'create', name: 'Création' },
        { id: 'update', name: 'Modification' },
        { id: 'delete', name: 'Suppression' },
      ]}
    />,
    <TextInput key="record" source="record" label="Identifiant de l’enregistrement" />,
  ];
  return (
    <List filters={filters} actions={<Actions />} sort={{ field: 'at', order: 'DESC' }} perPage={50} title="Traces">
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="at" label="Date" render={(t: Trace) => formatInstant(t.at)} />
        <DataTable.Col source="username" label="Agent" />
        <DataTable.Col source="profile" label="Profil" disableSort render={(t: Trace) => (t.profile ? (PROFILE_LABELS[t.profile] ?? t.profile) : '—')} />
        <DataTable.Col source="resource" label="Ressource" />
        <DataTable.Col source="record" label="Enregistrement" disableSort />
        <DataTable.Col source="action" label="Action" render={(t: Trace) => actionLabel(t.action)} />
        <DataTable.Col source="changes" label="Modifications" disableSort>
          <ChangesField />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
