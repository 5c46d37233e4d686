import ExtensionIcon from '@mui/icons-material/Extension';
import {
  AutocompleteArrayInput, AutocompleteInput, Create, CreateButton, DataTable, Edit, ExportButton, FilterButton, FunctionField, List,
  NumberField, NumberInput, ReferenceArrayField, ReferenceArrayInput, ReferenceInput, SearchInput, Show, SimpleForm, SingleFieldList,
  TabbedShowLayout, TextField, TextInput, TopToolbar, ChipField, required,
} from 'react-admin';
import { HistoriqueTab } from '../tracabilite/HistoriqueTab';
import { titreText } from '../titres';

const ccpText = (c: { code: string; intitule: string }) => `${c.code} — ${c.intitule}`;

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Intitulé, code ou bloc RNCP" />,
  <ReferenceInput key="titres" source="titres" reference="titres" alwaysOn>
    <AutocompleteInput optionText={titreText} filterToQuery={(q) => ({ q })} sx={{ minWidth: 320 }} />
  </ReferenceInput>,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ExportButton maxResults={1000} />
  </TopToolbar>
);

export const CcpList = () => (
  <List filters={filters} actions={<Actions />} sort={{ field: 'code', order: 'ASC' }} perPage={25}>
    <DataTable rowClick="show">
      <DataTable.Col source="code" />
      <DataTable.Col source="intitule" />
      <DataTable.Col source="rang" />
      <DataTable.Col source="codeBlocRncp" />
      <DataTable.Col source="titres" disableSort>
        <ReferenceArrayField source="titres" reference="titres">
          <SingleFieldList linkType={false}>
            <FunctionField render={(t: { code: string; version: number; sigle?: string }) => <ChipField record={{ id: t.code, label: `${t.sigle ?? t.code} ${t.version}` }} source="label" size="small" />} />
          </SingleFieldList>
        </ReferenceArrayField>
      </DataTable.Col>
    </DataTable>
  </List>
);

export const CcpShow = () => (
  <Show>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="Fiche">
        <TextField source="code" />
        <TextField source="intitule" />
        <NumberField source="rang" emptyText="—" />
        <TextField source="codeBlocRncp" emptyText="—" />
        <ReferenceArrayField source="titres" reference="titres" label="Titres (CCP commun à plusieurs titres le cas échéant)">
          <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="code" />
            <DataTable.Col source="version" />
            <DataTable.Col source="intitule" />
          </DataTable>
        </ReferenceArrayField>
        <ReferenceArrayField source="correspondances" reference="ccps" label="Correspondances (CCP de la version précédente)">
          <DataTable rowClick="show" bulkActionButtons={false} empty={<span>—</span>}>
            <DataTable.Col source="code" />
            <DataTable.Col source="intitule" />
          </DataTable>
        </ReferenceArrayField>
      </TabbedShowLayout.Tab>
      <HistoriqueTab path="historique" />
    </TabbedShowLayout>
  </Show>
);

const CcpForm = () => (
  <SimpleForm>
    <TextInput source="code" validate={required()} />
    <TextInput source="intitule" validate={required()} fullWidth multiline />
    <NumberInput source="rang" min={1} max={20} />
    <TextInput source="codeBlocRncp" helperText="Ex. RNCP37674BC01" />
    <ReferenceArrayInput source="titres" reference="titres">
      <AutocompleteArrayInput optionText={titreText} filterToQuery={(q) => ({ q })} fullWidth />
    </ReferenceArrayInput>
    <ReferenceArrayInput source="correspondances" reference="ccps">
      <AutocompleteArrayInput optionText={ccpText} filterToQuery={(q) => ({ q })} fullWidth helperText="CCP de la version précédente du titre auxquels celui-ci correspond" />
    </ReferenceArrayInput>
  </SimpleForm>
);

export const CcpEdit = () => (
  <Edit mutationMode="pessimistic">
    <CcpForm />
  </Edit>
);

export const CcpCreate = () => (
  <Create redirect="show">
    <CcpForm />
  </Create>
);

export default {
  list: CcpList,
  show: CcpShow,
  edit: CcpEdit,
  create: CcpCreate,
  icon: ExtensionIcon,
  recordRepresentation: ccpText,
};
