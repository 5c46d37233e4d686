import { DateField, SelectField, TextField } from 'react-admin';
import { FicheShow, RefField } from '../common/kit';
import { NATURES_PAYS } from './natures';

export const PaysShow = () => (
  <FicheShow>
    <TextField source="codeInsee" />
    <TextField source="nom" />
    <TextField source="libelleCog" />
    <TextField source="nomOfficiel" />
    <TextField source="codeIso2" />
    <TextField source="codeIso3" />
    <SelectField source="nature" choices={NATURES_PAYS} />
    <DateField source="dateDebut" />
    <DateField source="dateFin" />
    <RefField source="successeur" reference="pays" text="nom" link="show" />
  </FicheShow>
);
