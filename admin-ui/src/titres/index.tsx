import WorkspacePremiumIcon from '@mui/icons-material/WorkspacePremium';
import {
  DataTable, DateField, DateInput, NumberField, NumberInput, ReferenceManyField, SearchInput, SelectField, SelectInput, SimpleForm,
  TabbedShowLayout, TextField, TextInput, maxValue, minValue, required,
} from 'react-admin';
import { DateCol, FicheShow, formPages, ReferenceSearch, RefField, ResourceList } from '../common/kit';

export const STATUTS_TITRE = [
  { id: 'ACTIF', name: 'Actif' },
  { id: 'EN_PROLONGATION', name: 'En prolongation' },
  { id: 'CLOTURE', name: 'Clôturé' },
  { id: 'REMPLACE', name: 'Remplacé' },
];
export const TYPES_CERTIFICATION = [
  { id: 'TITRE_PROFESSIONNEL', name: 'Titre professionnel' },
  { id: 'CERTIFICATION_SPECIFIQUE', name: 'Certification spécifique' },
];
export const NIVEAUX = [3, 4, 5, 6].map((n) => ({ id: n, name: `Niveau ${n}` }));

/** "TP-01280 v2023 — Développeur web et web mobile (DWWM)" */
export const titreText = (t: { code: string; version: number; intitule: string; sigle?: string | null }) =>
  `${t.code} v${t.version} — ${t.intitule}${t.sigle ? ` (${t.sigle})` : ''}`;

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Intitulé, sigle, code TP ou RNCP" />,
  <SelectInput key="statut" source="statut" choices={STATUTS_TITRE} alwaysOn />,
  <SelectInput key="niveau" source="niveau" choices={NIVEAUX} />,
  <SelectInput key="typeCertification" source="typeCertification" choices={TYPES_CERTIFICATION} />,
  <TextInput key="codeNsf" source="codeNsf" />,
];

const fr = { locales: 'fr-FR' } as const;

export const TitreList = () => (
  <ResourceList filters={filters} sort={{ field: 'intitule', order: 'ASC' }}>
    <DataTable.Col source="code" />
    <DataTable.Col source="version" />
    <DataTable.Col source="sigle" />
    <DataTable.Col source="intitule" />
    <DataTable.Col source="niveau" />
    <DataTable.Col source="statut" render={(record: { statut: string }) => STATUTS_TITRE.find((s) => s.id === record.statut)?.name} />
    <DateCol source="dateFinValidite" />
  </ResourceList>
);

const ccpsTab = (
  <TabbedShowLayout.Tab key="ccps" label="CCP" path="ccps">
    <ReferenceManyField reference="ccps" target="titres" sort={{ field: 'rang', order: 'ASC' }} perPage={50}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="rang" />
        <DataTable.Col source="code" />
        <DataTable.Col source="intitule" />
      </DataTable>
    </ReferenceManyField>
  </TabbedShowLayout.Tab>
);

const ccssTab = (
  <TabbedShowLayout.Tab key="ccss" label="CCS" path="ccss">
    <ReferenceManyField reference="ccss" target="titre" sort={{ field: 'code', order: 'ASC' }} perPage={50}>
      <DataTable rowClick="show" bulkActionButtons={false} empty={<span>Aucun CCS.</span>}>
        <DataTable.Col source="code" />
        <DataTable.Col source="intitule" />
      </DataTable>
    </ReferenceManyField>
  </TabbedShowLayout.Tab>
);

export const TitreShow = () => (
  <FicheShow tabs={[ccpsTab, ccssTab]}>
    <TextField source="code" />
    <NumberField source="version" options={{ useGrouping: false }} />
    <TextField source="intitule" />
    <TextField source="sigle" emptyText="—" />
    <SelectField source="typeCertification" choices={TYPES_CERTIFICATION} />
    <NumberField source="niveau" emptyText="—" />
    <NumberField source="niveauEqf" emptyText="—" />
    <TextField source="codeRncp" emptyText="—" />
    <TextField source="codeRs" emptyText="—" />
    <TextField source="codeNsf" emptyText="—" />
    <DateField source="dateDebutValidite" emptyText="—" {...fr} />
    <DateField source="dateFinValidite" emptyText="—" {...fr} />
    <DateField source="dateFinProlongation" emptyText="—" {...fr} />
    <SelectField source="statut" choices={STATUTS_TITRE} />
    <RefField source="predecesseur" reference="titres" text={titreText} link="show" emptyText="—" />
    <RefField source="successeur" reference="titres" text={titreText} link="show" emptyText="—" />
  </FicheShow>
);

const TitreForm = () => (
  <SimpleForm>
    <TextInput source="code" validate={required()} helperText="TP- suivi de 5 chiffres (ex. TP-01280), CS-… pour une certification spécifique" />
    <NumberInput source="version" validate={[required(), minValue(1990), maxValue(2100)]} helperText="Millésime (année)" />
    <TextInput source="intitule" validate={required()} fullWidth />
    <TextInput source="sigle" />
    <SelectInput source="typeCertification" choices={TYPES_CERTIFICATION} validate={required()} defaultValue="TITRE_PROFESSIONNEL" />
    <SelectInput source="niveau" choices={NIVEAUX} />
    <SelectInput source="niveauEqf" choices={NIVEAUX} helperText="Cadre européen des certifications (égal au niveau national depuis 2019)" />
    <TextInput source="codeRncp" />
    <TextInput source="codeRs" />
    <TextInput source="codeNsf" />
    <DateInput source="dateDebutValidite" />
    <DateInput source="dateFinValidite" />
    <DateInput source="dateFinProlongation" helperText="Fin de validité + un an en règle générale" />
    <SelectInput source="statut" choices={STATUTS_TITRE} validate={required()} defaultValue="ACTIF" />
    <ReferenceSearch source="predecesseur" reference="titres" optionText={titreText} fullWidth />
    <ReferenceSearch source="successeur" reference="titres" optionText={titreText} fullWidth />
  </SimpleForm>
);

export const { edit: TitreEdit, create: TitreCreate } = formPages(TitreForm);

export default {
  list: TitreList,
  show: TitreShow,
  edit: TitreEdit,
  create: TitreCreate,
  icon: WorkspacePremiumIcon,
  recordRepresentation: titreText,
};
