import { BooleanField, DataTable, DateField, EmailField, ReferenceManyField, SelectField, Show, TabbedShowLayout, TextField, useCanAccess } from 'react-admin';
import { RefField } from '../common/kit';
import { STATUTS_AGREMENT } from '../agrements/statuts';
import { HistoriqueTab } from '../tracabilite/HistoriqueTab';

const Sites = () => (
  <ReferenceManyField reference="sites" target="centre" sort={{ field: 'nom', order: 'ASC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="nom" />
      <DataTable.Col source="adresse" />
      <DataTable.Col source="actif" field={BooleanField} />
    </DataTable>
  </ReferenceManyField>
);

const Agrements = () => (
  <ReferenceManyField reference="agrements" target="centre" sort={{ field: 'dateDebut', order: 'DESC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="titre">
        <RefField source="titre" reference="titres" text={['code', 'intitule']} />
      </DataTable.Col>
      <DataTable.Col source="dateDebut" field={DateField} />
      <DataTable.Col source="dateFin" field={DateField} />
      <DataTable.Col source="statut">
        <SelectField source="statut" choices={STATUTS_AGREMENT} />
      </DataTable.Col>
    </DataTable>
  </ReferenceManyField>
);

export const CentreShow = () => {
  const { canAccess: sites } = useCanAccess({ resource: 'sites', action: 'list' });
  const { canAccess: agrements } = useCanAccess({ resource: 'agrements', action: 'list' });
  return (
    <Show>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="Identité">
          <TextField source="raisonSociale" />
          <TextField source="nomCommercial" />
          <TextField source="siret" />
          <TextField source="nda" />
          <TextField source="uai" />
          <BooleanField source="actif" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Adresse et contacts">
          <TextField source="adresse" />
          <TextField source="complementAdresse" />
          <TextField source="codePostal" />
          <RefField source="commune" reference="communes" text="nom" />
          <RefField source="departement" reference="departements" text="nom" />
          <RefField source="region" reference="regions" text="nom" />
          <TextField source="telephone" />
          <EmailField source="email" />
          <TextField source="contactNom" />
          <TextField source="contactFonction" />
          <TextField source="contactTelephone" />
          <EmailField source="contactEmail" />
        </TabbedShowLayout.Tab>
        {sites ? (
          <TabbedShowLayout.Tab label="Sites" path="sites">
            <Sites />
          </TabbedShowLayout.Tab>
        ) : null}
        {agrements ? (
          <TabbedShowLayout.Tab label="Agréments" path="agrements">
            <Agrements />
          </TabbedShowLayout.Tab>
        ) : null}
        <HistoriqueTab path="historique" />
      </TabbedShowLayout>
    </Show>
  );
};
