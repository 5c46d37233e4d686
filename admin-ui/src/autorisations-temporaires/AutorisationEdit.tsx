import { AutocompleteInput, Create, DateInput, Edit, ReferenceInput, SimpleForm, TextInput, required } from 'react-admin';

const AutorisationForm = () => (
  <SimpleForm>
    <ReferenceInput source="centre" reference="centres">
      <AutocompleteInput optionText="raisonSociale" filterToQuery={(q) => ({ q })} validate={required()} />
    </ReferenceInput>
    <ReferenceInput source="titre" reference="titres">
      <AutocompleteInput optionText={(t: { code: string; intitule: string }) => `${t.code} ${t.intitule}`} filterToQuery={(q) => ({ q })} validate={required()} />
    </ReferenceInput>
    <DateInput source="dateDebut" validate={required()} />
    <DateInput source="dateFin" validate={required()} helperText="12 mois au plus" />
    <TextInput source="motif" validate={required()} multiline fullWidth />
    <DateInput source="dateDecision" />
  </SimpleForm>
);

export const AutorisationEdit = () => (
  <Edit mutationMode="pessimistic">
    <AutorisationForm />
  </Edit>
);

export const AutorisationCreate = () => (
  <Create redirect="show" title="Accorder une autorisation temporaire">
    <AutorisationForm />
  </Create>
);
