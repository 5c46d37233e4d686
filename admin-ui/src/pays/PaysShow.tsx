import { DateField, ReferenceField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { NATURES_PAYS } from './natures';

export const PaysShow = () => (
  <Show>
    <SimpleShowLayout>
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
    </SimpleShowLayout>
  </Show>
);
