import ExtensionIcon from '@mui/icons-material/Extension';
import {
  AutocompleteArrayInput, ChipField, DataTable, FunctionField, NumberField, NumberInput, ReferenceArrayField, ReferenceArrayInput, SearchInput,
  SimpleForm, SingleFieldList, TextField, TextInput, required,
} from 'react-admin';
import { FicheShow, formPages, qSearch, ReferenceSearch, ResourceList } from '../common/kit';
import { titreText } from '../titres';

const ccpText = (c: { code: string; intitule: string }) => `${c.code} — ${c.intitule}`;

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Intitulé, code ou bloc RNCP" />,
  <ReferenceSearch key="titres" source="titres" reference="titres" alwaysOn optionText={titreText} sx={{ minWidth: 320 }} />,
];

export const CcpList = () => (
  <ResourceList filters={filters} sort={{ field: 'code', order: 'ASC' }}>
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
  </ResourceList>
);

export const CcpShow = () => (
  <FicheShow>
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
  </FicheShow>
);

const CcpForm = () => (
  <SimpleForm>
    <TextInput source="code" validate={required()} />
    <TextInput source="intitule" validate={required()} fullWidth multiline />
    <NumberInput source="rang" min={1} max={20} />
    <TextInput source="codeBlocRncp" helperText="Ex. RNCP37674BC01" />
    <ReferenceArrayInput source="titres" reference="titres">
      <AutocompleteArrayInput optionText={titreText} filterToQuery={qSearch} fullWidth />
    </ReferenceArrayInput>
    <ReferenceArrayInput source="correspondances" reference="ccps">
      <AutocompleteArrayInput optionText={ccpText} filterToQuery={qSearch} fullWidth helperText="CCP de la version précédente du titre auxquels celui-ci correspond" />
    </ReferenceArrayInput>
  </SimpleForm>
);

export const { edit: CcpEdit, create: CcpCreate } = formPages(CcpForm);

export default {
  list: CcpList,
  show: CcpShow,
  edit: CcpEdit,
  create: CcpCreate,
  icon: ExtensionIcon,
  recordRepresentation: ccpText,
};
