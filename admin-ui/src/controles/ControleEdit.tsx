import { AutocompleteInput, DateInput, FormDataConsumer, ReferenceInput, SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { formPages, ReferenceSearch } from '../common/kit';
import { STATUTS_CONTROLE, SUITES_CONTROLE, TYPES_CONTROLE } from './types';

const ControleForm = () => (
  <SimpleForm>
    <ReferenceSearch source="centre" reference="centres" optionText="raisonSociale" validate={required()} />
    <FormDataConsumer<{ centre?: string }>>
      {({ formData }) => (
        <ReferenceInput source="session" reference="sessions" filter={formData.centre ? { centre: formData.centre } : {}}>
          <AutocompleteInput optionText="numero" />
        </ReferenceInput>
      )}
    </FormDataConsumer>
    <DateInput source="dateControle" validate={required()} />
    <SelectInput source="type" choices={TYPES_CONTROLE} validate={required()} />
    <TextInput source="objet" fullWidth />
    <SelectInput source="statut" choices={STATUTS_CONTROLE} defaultValue="PROGRAMME" validate={required()} />
    <TextInput source="constats" multiline fullWidth />
    <SelectInput source="suite" choices={SUITES_CONTROLE} />
    <TextInput source="suiteDetail" multiline fullWidth />
    <DateInput source="dateSuite" />
  </SimpleForm>
);

export const { edit: ControleEdit, create: ControleCreate } = formPages(ControleForm);
