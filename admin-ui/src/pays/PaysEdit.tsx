import { DateInput, SelectInput, SimpleForm, TextInput, required, regex } from 'react-admin';
import { formPages, ReferenceSearch } from '../common/kit';
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
    <ReferenceSearch source="successeur" reference="pays" optionText="nom" />
  </SimpleForm>
);

export const { edit: PaysEdit, create: PaysCreate } = formPages(PaysForm);
