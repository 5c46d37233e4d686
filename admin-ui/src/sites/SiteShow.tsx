import { BooleanField, NumberField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { RefField } from '../common/kit';

export const SiteShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="nom" />
      <RefField source="centre" reference="centres" text="raisonSociale" link="show" />
      <TextField source="adresse" />
      <TextField source="complementAdresse" />
      <TextField source="codePostal" />
      <RefField source="commune" reference="communes" text="nom" />
      <TextField source="plateauTechnique" />
      <NumberField source="capacite" />
      <BooleanField source="actif" />
    </SimpleShowLayout>
  </Show>
);
