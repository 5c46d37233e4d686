import { Create, DateInput, Edit, ReferenceInput, AutocompleteInput, SelectInput, SimpleForm, TextInput, required, regex } from 'react-admin';
import { NATURES_PAYS } from './natures';

const PaysForm = () => (
  <SimpleForm>
    <TextInput source="codeInsee" validate={[required(), regex(/^99\d{3}$/, 'Code INSEE de la forme 99xxx')]} />
    <TextInput source="nom" validate={required()} />
    <TextInput source="libelleCog" validate={required()} />
    <TextInput source="nomOfficiel" fullWidth />
    <TextInput source="codeIso2" />
    <TextInput source="codeIso3" />
    <SelectInput source="nature" choices={NATURES_PAYS} validate={required()} />
    <DateInput source="dateDebut" />
    <DateInput source="dateFin" />
    <ReferenceInput source="successeur" reference="pays">
      <AutocompleteInput optionText="nom" filterToQuery={(q) => ({ q })} />
    </ReferenceInput>
  </SimpleForm>
);

export const PaysEdit = () => (
  <Edit mutationMode="pessimistic">
    <PaysForm />
  </Edit>
);

export const PaysCreate = () => (
  <Create redirect="show">
    <PaysForm />
  </Create>
);
