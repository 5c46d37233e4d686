import { BooleanField, NumberField, ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';

export const SiteShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="nom" />
      <ReferenceField source="centre" reference="centres" link="show">
        <TextField source="raisonSociale" />
      </ReferenceField>
      <TextField source="adresse" />
      <TextField source="complementAdresse" />
      <TextField source="codePostal" />
      <ReferenceField source="commune" reference="communes" link={false}>
        <TextField source="nom" />
      </ReferenceField>
      <TextField source="plateauTechnique" />
      <NumberField source="capacite" />
      <BooleanField source="actif" />
    </SimpleShowLayout>
  </Show>
);
