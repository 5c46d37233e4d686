import { DateField, ReferenceField, SelectField, Show, TabbedShowLayout, TextField } from 'react-admin';
import { HistoriqueTab } from '../tracabilite/HistoriqueTab';
import { NATURES_PAYS } from './natures';

export const PaysShow = () => (
  <Show>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="Fiche">
        <TextField source="codeInsee" />
        <TextField source="nom" />
        <TextField source="libelleCog" />
        <TextField source="nomOfficiel" />
        <TextField source="codeIso2" />
        <TextField source="codeIso3" />
        <SelectField source="nature" choices={NATURES_PAYS} />
        <DateField source="dateDebut" />
        <DateField source="dateFin" />
        <ReferenceField source="successeur" reference="pays" link="show">
          <TextField source="nom" />
        </ReferenceField>
      </TabbedShowLayout.Tab>
      <HistoriqueTab path="historique" />
    </TabbedShowLayout>
  </Show>
);
