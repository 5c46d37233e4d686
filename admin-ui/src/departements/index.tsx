import LocationCityIcon from '@mui/icons-material/LocationCity';
import {
  AutocompleteInput, Create, Pagination, CreateButton, DataTable, Edit, ExportButton, FilterButton, List, ReferenceField, ReferenceInput,
  ReferenceManyField, SearchInput, SelectField, SelectInput, Show, SimpleForm, TabbedShowLayout, TextField, TextInput, TopToolbar, regex, required,
} from 'react-admin';
import { HistoriqueTab } from '../tracabilite/HistoriqueTab';

export const ZONES = [
  { id: 'METROPOLE', name: 'Métropole' },
  { id: 'DROM', name: "Département et région d'outre-mer" },
  { id: 'COM', name: "Collectivité d'outre-mer" },
  { id: 'NOUVELLE_CALEDONIE', name: 'Nouvelle-Calédonie' },
];

const regionText = (r: { code: string; nom: string }) => `${r.code} ${r.nom}`;

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Nom ou code du département" />,
  <SelectInput key="zone" source="zone" choices={ZONES} />,
  <ReferenceInput key="region" source="region" reference="regions">
    <AutocompleteInput optionText={regionText} filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ExportButton maxResults={1000} />
  </TopToolbar>
);

export const DepartementList = () => (
  <List filters={filters} actions={<Actions />} sort={{ field: 'code', order: 'ASC' }} perPage={25}>
    <DataTable rowClick="show">
      <DataTable.Col source="code" />
      <DataTable.Col source="nom" />
      <DataTable.Col source="zone" render={(record: { zone: string }) => ZONES.find((z) => z.id === record.zone)?.name} />
      <DataTable.Col source="region" disableSort>
        <ReferenceField source="region" reference="regions" link={false} emptyText="—">
          <TextField source="nom" />
        </ReferenceField>
      </DataTable.Col>
    </DataTable>
  </List>
);

export const DepartementShow = () => (
  <Show>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="Fiche">
        <TextField source="code" />
        <TextField source="nom" />
        <SelectField source="zone" choices={ZONES} />
        <TextField source="chefLieu" />
        <ReferenceField source="region" reference="regions" link="show" emptyText="— (sans région)">
          <TextField source="nom" />
        </ReferenceField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Communes" path="communes">
        <ReferenceManyField reference="communes" target="departement" sort={{ field: 'nom', order: 'ASC' }} perPage={25} pagination={<Pagination />}>
          <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="codeInsee" />
            <DataTable.Col source="nom" />
            <DataTable.Col source="type" />
          </DataTable>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
      <HistoriqueTab path="historique" />
    </TabbedShowLayout>
  </Show>
);

const DepartementForm = () => (
  <SimpleForm>
    <TextInput source="code" validate={[required(), regex(/^(\d{2}|2A|2B|9[78]\d)$/, 'Code de département : 01 à 95, 2A, 2B ou 971 à 989')]} />
    <TextInput source="nom" validate={required()} fullWidth />
    <SelectInput source="zone" choices={ZONES} validate={required()} />
    <TextInput source="chefLieu" helperText="Code INSEE de la commune chef-lieu" />
    <ReferenceInput source="region" reference="regions">
      <AutocompleteInput optionText={regionText} filterToQuery={(q) => ({ q })} helperText="Vide pour les collectivités d'outre-mer et la Nouvelle-Calédonie" />
    </ReferenceInput>
  </SimpleForm>
);

export const DepartementEdit = () => (
  <Edit mutationMode="pessimistic">
    <DepartementForm />
  </Edit>
);

export const DepartementCreate = () => (
  <Create redirect="show">
    <DepartementForm />
  </Create>
);

export default {
  list: DepartementList,
  show: DepartementShow,
  edit: DepartementEdit,
  create: DepartementCreate,
  icon: LocationCityIcon,
  recordRepresentation: (r: { code: string; nom: string }) => `${r.nom} (${r.code})`,
};
