import { Edit, SimpleForm, TextInput } from 'react-admin';

/** Status and dates belong to the workflow (action buttons on the record); only the observations are edited here. */
export const HabilitationEdit = () => (
  <Edit mutationMode="pessimistic" title="Observations sur l’habilitation" redirect="show">
    <SimpleForm>
      <TextInput source="observations" label="Observations" multiline minRows={4} fullWidth />
    </SimpleForm>
  </Edit>
);
