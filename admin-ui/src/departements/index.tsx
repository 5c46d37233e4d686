import LocationCityIcon from '@mui/icons-material/LocationCity';
import {
  DataTable, Pagination, ReferenceManyField, SearchInput, SelectField, SelectInput, SimpleForm, TabbedShowLayout, TextField, TextInput, regex, required,
} from 'react-admin';
import { codeNom, FicheShow, formPages, ReferenceSearch, RefField, ResourceList } from '../common/kit';

export const ZONES = [
  { id: 'METROPOLE', name: 'Métropole' },
  { id: 'DROM', name: "Département et région d'outre-mer" },
  { id: 'COM', name: "Collectivité d'outre-mer" },
  { id: 'NOUVELLE_CALEDONIE', name: 'Nouvelle-Calédonie' },
];

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Nom ou code du département" />,
  <SelectInput key="zone" source="zone" choices={ZONES} />,
  <ReferenceSearch key="region" source="region" reference="regions" optionText={codeNom} />,
];

export const DepartementList = () => (
  <ResourceList filters={filters} sort={{ field: 'code', order: 'ASC' }}>
    <DataTable.Col source="code" />
    <DataTable.Col source="nom" />
    <DataTable.Col source="zone" render={(record: { zone: string }) => ZONES.find((z) => z.id === record.zone)?.name} />
    <DataTable.Col source="region" disableSort>
      <RefField source="region" reference="regions" text="nom" emptyText="—" />
    </DataTable.Col>
  </ResourceList>
);

const communesTab = (
  <TabbedShowLayout.Tab key="communes" label="Communes" path="communes">
    <ReferenceManyField reference="communes" target="departement" sort={{ field: 'nom', order: 'ASC' }} perPage={25} pagination={<Pagination />}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="codeInsee" />
        <DataTable.Col source="nom" />
        <DataTable.Col source="type" />
      </DataTable>
    </ReferenceManyField>
  </TabbedShowLayout.Tab>
);

export const DepartementShow = () => (
  <FicheShow tabs={[communesTab]}>
    <TextField source="code" />
    <TextField source="nom" />
    <SelectField source="zone" choices={ZONES} />
    <TextField source="chefLieu" />
    <RefField source="region" reference="regions" text="nom" link="show" emptyText="— (sans région)" />
  </FicheShow>
);

const DepartementForm = () => (
  <SimpleForm>
    <TextInput source="code" validate={[required(), regex(/^(\d{2}|2A|2B|9[78]\d)$/, 'Code de département : 01 à 95, 2A, 2B ou 971 à 989')]} />
    <TextInput source="nom" validate={required()} fullWidth />
    <SelectInput source="zone" choices={ZONES} validate={required()} />
    <TextInput source="chefLieu" helperText="Code INSEE de la commune chef-lieu" />
    <ReferenceSearch source="region" reference="regions" optionText={codeNom} hint="Vide pour les collectivités d'outre-mer et la Nouvelle-Calédonie" />
  </SimpleForm>
);

export const { edit: DepartementEdit, create: DepartementCreate } = formPages(DepartementForm);

export default {
  list: DepartementList,
  show: DepartementShow,
  edit: DepartementEdit,
  create: DepartementCreate,
  icon: LocationCityIcon,
  recordRepresentation: (r: { code: string; nom: string }) => `${r.nom} (${r.code})`,
};
