import { AutocompleteInput, BooleanInput, Create, DateInput, Edit, FormDataConsumer, ReferenceInput, SimpleForm, TextInput, required } from 'react-admin';

/** The site list follows the chosen centre. */
const SiteInput = () => (
  <FormDataConsumer<{ centre?: string }>>
    {({ formData }) => (
      <ReferenceInput source="site" reference="sites" filter={formData.centre ? { centre: formData.centre } : {}}>
        <AutocompleteInput optionText="nom" filterToQuery={(q) => ({ q })} validate={required()} />
      </ReferenceInput>
    )}
  </FormDataConsumer>
);

const AgrementForm = () => (
  <SimpleForm>
    <ReferenceInput source="centre" reference="centres">
      <AutocompleteInput optionText="raisonSociale" filterToQuery={(q) => ({ q })} validate={required()} />
    </ReferenceInput>
    <SiteInput />
    <ReferenceInput source="titre" reference="titres">
      <AutocompleteInput optionText={(t: { code: string; intitule: string }) => `${t.code} ${t.intitule}`} filterToQuery={(q) => ({ q })} helperText="Un titre, ou bien un CCS" />
    </ReferenceInput>
    <ReferenceInput source="ccs" reference="ccss">
      <AutocompleteInput optionText={(c: { code: string; intitule: string }) => `${c.code} ${c.intitule}`} filterToQuery={(q) => ({ q })} />
    </ReferenceInput>
    <DateInput source="dateDebut" validate={required()} />
    <DateInput source="dateFin" validate={required()} helperText="Au plus tard la fin de validité du titre, prolongation comprise" />
    <BooleanInput source="prolongation" />
    <TextInput source="commentaire" multiline fullWidth />
  </SimpleForm>
);

export const AgrementEdit = () => (
  <Edit mutationMode="pessimistic">
    <AgrementForm />
  </Edit>
);

export const AgrementCreate = () => (
  <Create redirect="show" title="Demande d’agrément">
    <AgrementForm />
  </Create>
);
