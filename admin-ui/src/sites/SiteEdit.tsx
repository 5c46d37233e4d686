import { AutocompleteInput, BooleanInput, Create, Edit, NumberInput, ReferenceInput, SimpleForm, TextInput, regex, required } from 'react-admin';

const SiteForm = () => (
  <SimpleForm>
    <TextInput source="nom" validate={required()} fullWidth />
    <ReferenceInput source="centre" reference="centres">
      <AutocompleteInput optionText="raisonSociale" filterToQuery={(q) => ({ q })} validate={required()} />
    </ReferenceInput>
    <TextInput source="adresse" fullWidth />
    <TextInput source="complementAdresse" fullWidth />
    <TextInput source="codePostal" validate={regex(/^\d{5}$/, 'Code postal à 5 chiffres')} />
    <ReferenceInput source="commune" reference="communes">
      <AutocompleteInput optionText={(c: { nom: string; codeInsee: string }) => `${c.nom} (${c.codeInsee})`} filterToQuery={(q) => ({ q })} />
    </ReferenceInput>
    <TextInput source="plateauTechnique" multiline fullWidth />
    <NumberInput source="capacite" min={0} />
    <BooleanInput source="actif" defaultValue />
  </SimpleForm>
);

export const SiteEdit = () => (
  <Edit mutationMode="pessimistic">
    <SiteForm />
  </Edit>
);

export const SiteCreate = () => (
  <Create redirect="show">
    <SiteForm />
  </Create>
);
