import {
  AutocompleteArrayInput,
  BooleanField,
  BooleanInput,
  CreateButton,
  DataTable,
  DateField,
  DateInput,
  FilterButton,
  FormDataConsumer,
  List,
  ReferenceArrayInput,
  SearchInput,
  SelectField,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  EditButton,
  required,
} from 'react-admin';
import { SOUS_TYPES_INTERNE, TYPES_EQUIVALENCE, dateFr } from '../candidats/choix';
import { Chips, formPages, qSearch, ReferenceSearch, RefField } from '../common/kit';

const ccpTexte = (c: { code?: string; intitule?: string }) => (c ? `${c.code} — ${c.intitule}` : '');
const titreTexte = (t: { code?: string; version?: number; intitule?: string }) => (t ? `${t.intitule} (${t.code}, ${t.version})` : '');

const filters = [<SearchInput key="q" source="q" alwaysOn placeholder="Libellé, certification, arrêté" />, <SelectInput key="type" source="type" choices={TYPES_EQUIVALENCE} />];

/** Validity shown as the agents read it: "du 01/01/2022 au 30/06/2026". */
const validite = (r: { valideDu?: string | null; valideAu?: string | null }) =>
  r.valideDu && r.valideAu ? `du ${dateFr(r.valideDu)} au ${dateFr(r.valideAu)}` : r.valideDu ? `depuis le ${dateFr(r.valideDu)}` : r.valideAu ? `jusqu’au ${dateFr(r.valideAu)}` : 'sans limite';

export const RegleEquivalenceList = () => (
  <List filters={filters} actions={<TopToolbar><FilterButton /><CreateButton /></TopToolbar>} sort={{ field: 'libelle', order: 'ASC' }}>
    <DataTable rowClick="show">
      <DataTable.Col source="libelle" />
      <DataTable.Col source="type" render={(r: { type: string }) => TYPES_EQUIVALENCE.find((t) => t.id === r.type)?.name} />
      <DataTable.Col label="Validité" render={validite} disableSort />
      <DataTable.Col source="arreteReference" />
    </DataTable>
  </List>
);

export const RegleEquivalenceShow = () => (
  <Show actions={<TopToolbar><EditButton /></TopToolbar>}>
    <SimpleShowLayout>
      <TextField source="libelle" />
      <SelectField source="type" choices={TYPES_EQUIVALENCE} />
      <SelectField source="sousType" choices={SOUS_TYPES_INTERNE} />
      <TextField source="certificationSource" />
      <Chips source="ccpsSource" reference="ccps" />
      <Chips source="ccpsCible" reference="ccps" />
      <RefField source="titreCible" reference="titres" text="intitule" />
      <BooleanField source="totale" />
      <DateField source="valideDu" locales="fr-FR" />
      <DateField source="valideAu" locales="fr-FR" />
      <TextField source="arreteReference" />
      <TextField source="justificatifsRequis" />
    </SimpleShowLayout>
  </Show>
);

const RegleForm = () => (
  <SimpleForm>
    <TextInput source="libelle" validate={required()} fullWidth />
    <SelectInput source="type" choices={TYPES_EQUIVALENCE} validate={required()} />
    <FormDataConsumer>
      {({ formData }) => (
        <>
          {formData.type === 'INTERNE' ? <SelectInput source="sousType" choices={SOUS_TYPES_INTERNE} validate={required()} /> : null}
          {formData.type === 'EXTERNE' ? <TextInput source="certificationSource" fullWidth validate={required()} /> : null}
          {formData.type && formData.type !== 'EXTERNE' ? (
            <ReferenceArrayInput source="ccpsSource" reference="ccps">
              <AutocompleteArrayInput optionText={ccpTexte} filterToQuery={qSearch} />
            </ReferenceArrayInput>
          ) : null}
        </>
      )}
    </FormDataConsumer>
    <ReferenceArrayInput source="ccpsCible" reference="ccps">
      <AutocompleteArrayInput optionText={ccpTexte} filterToQuery={qSearch} />
    </ReferenceArrayInput>
    <ReferenceSearch source="titreCible" reference="titres" optionText={titreTexte} />
    <BooleanInput source="totale" />
    <DateInput source="valideDu" />
    <DateInput source="valideAu" />
    <TextInput source="arreteReference" fullWidth />
    <TextInput source="justificatifsRequis" multiline fullWidth />
  </SimpleForm>
);

export const { edit: RegleEquivalenceEdit, create: RegleEquivalenceCreate } = formPages(RegleForm);
