import { FunctionField, Labeled, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { ChangesField } from '../tracabilite/ChangesField';
import { actionLabel, formatInstant, PROFILE_LABELS } from '../tracabilite/format';

type Trace = { at: string; profile: string | null; action: string };

/** One trace, read-only: no edit or delete button. */
export const TraceShow = () => (
  <Show actions={<TopToolbar />} title="Trace">
    <SimpleShowLayout>
      <TextField source="id" label="N° de trace" />
      <FunctionField label="Date" render={(t: Trace) => formatInstant(t.at)} />
      <TextField source="username" label="Agent" />
      <FunctionField label="Profil" render={(t: Trace) => (t.profile ? (PROFILE_LABELS[t.profile] ?? t.profile) : '—')} />
      <TextField source="resource" label="Ressource" />
      <TextField source="record" label="Enregistrement" />
      <FunctionField label="Action" render={(t: Trace) => actionLabel(t.action)} />
      <Labeled label="Modifications (avant → après)">
        <ChangesField />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
