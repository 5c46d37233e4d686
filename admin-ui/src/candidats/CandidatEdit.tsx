import { useEffect, useState } from 'react';
import { Alert, Box, Button as MuiButton, List as MuiList, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import {
  AutocompleteInput,
  Create,
  DateInput,
  Edit,
  Link,
  RadioButtonGroupInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  email,
  required,
  useDataProvider,
  useNotify,
} from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { SEXES, SITUATIONS, dateFr, prenomsTexte } from './choix';

type Donnees = Record<string, unknown>;

/** Form values → record: first names typed in one field become the ordered list, birth place one kind only. */
const versRecord = (data: Donnees): Donnees => {
  const { prenomsSaisis, lieu, ...record } = data;
  record.prenoms = String(prenomsSaisis ?? '')
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (lieu === 'ETRANGER') Object.assign(record, { communeNaissance: null, communeNaissanceCode: null, communeNaissanceLibelle: null });
  else Object.assign(record, { paysNaissance: null, villeNaissanceEtranger: null });
  for (const derive of ['communeNaissanceDepartement', 'departementResidence', 'controleHomonymie', 'centreCreateur']) delete record[derive];
  return record;
};

const versFormulaire = (record: Donnees | undefined) =>
  record ? { ...record, prenomsSaisis: prenomsTexte(record.prenoms).split(' ').join(', '), lieu: record.paysNaissance ? 'ETRANGER' : 'FRANCE' } : { lieu: 'FRANCE' };

const communeTexte = (c: { nom?: string; codeInsee?: string }) => (c ? `${c.nom} (${c.codeInsee})` : '');

const Identite = () => (
  <>
    <Stack direction="row" spacing={2}>
      <TextInput source="nomNaissance" validate={required()} />
      <TextInput source="nomUsage" />
    </Stack>
    <TextInput source="prenomsSaisis" label="Prénoms (dans l’ordre de l’état civil, séparés par des virgules)" validate={required()} fullWidth />
    <Stack direction="row" spacing={2}>
      <DateInput source="dateNaissance" validate={required()} />
      <SelectInput source="sexe" choices={SEXES} validate={required()} />
    </Stack>
  </>
);

const LieuNaissance = () => {
  const lieu = useWatch({ name: 'lieu' });
  return (
    <>
      <RadioButtonGroupInput
        source="lieu"
        label="Lieu de naissance"
        choices={[
          { id: 'FRANCE', name: 'En France' },
          { id: 'ETRANGER', name: 'À l’étranger' },
        ]}
      />
      {lieu === 'ETRANGER' ? (
        <Stack direction="row" spacing={2}>
          {/* former countries allowed here, and here only */}
          <ReferenceInput source="paysNaissance" reference="pays" sort={{ field: 'nom', order: 'ASC' }}>
            <AutocompleteInput optionText="nom" filterToQuery={(q) => ({ q })} validate={required()} />
          </ReferenceInput>
          <TextInput source="villeNaissanceEtranger" />
        </Stack>
      ) : (
        <Stack direction="row" spacing={2}>
          <ReferenceInput source="communeNaissance" reference="communes" sort={{ field: 'nom', order: 'ASC' }}>
            <AutocompleteInput optionText={communeTexte} filterToQuery={(q) => ({ q })} />
          </ReferenceInput>
          <TextInput source="communeNaissanceCode" helperText="Commune disparue absente du référentiel : code INSEE à la naissance" />
          <TextInput source="communeNaissanceLibelle" helperText="… et son nom à la naissance" />
        </Stack>
      )}
    </>
  );
};

const Coordonnees = () => (
  <>
    {/* nationality: current countries only (the server refuses a former one) */}
    <ReferenceInput source="nationalite" reference="pays" filter={{ nature: ['ETAT', 'TERRITOIRE'], dateFin_null: true }} sort={{ field: 'nom', order: 'ASC' }}>
      <AutocompleteInput optionText="nom" filterToQuery={(q) => ({ q })} />
    </ReferenceInput>
    <TextInput source="adresse" fullWidth />
    <TextInput source="complementAdresse" fullWidth />
    <Stack direction="row" spacing={2}>
      <TextInput source="codePostal" />
      <TextInput source="ville" />
    </Stack>
    <Stack direction="row" spacing={2}>
      <TextInput source="telephone" />
      <TextInput source="email" validate={email()} />
    </Stack>
    <SelectInput source="situation" choices={SITUATIONS} />
    {/* the employer: a juror linked to it is flagged on the session's jury (impartiality) */}
    <Stack direction="row" spacing={2}>
      <TextInput source="employeur" label="Employeur (raison sociale)" />
      <TextInput source="employeurSiret" label="SIRET de l'employeur" />
    </Stack>
  </>
);

interface Homonyme {
  id: string;
  nomNaissance: string;
  nomUsage: string | null;
  prenoms: string[];
  dateNaissance: string;
  lieuNaissance: string;
  dansPerimetre: boolean;
  niveau: 'IDENTIQUE' | 'PROCHE';
  raisons: string[];
}

/**
 * Homonym control (v1.7) before any creation: the national search on names, first names and birth date;
 * the agent opens an existing candidate, or explicitly confirms a new person (recorded by the server).
 */
const ControleHomonymie = () => {
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const { getValues, setValue } = useFormContext();
  const confirme = useWatch({ name: 'confirmationNouvellePersonne' });
  const [resultats, setResultats] = useState<Homonyme[] | null>(null);
  const identite = useWatch({ name: ['nomNaissance', 'nomUsage', 'prenomsSaisis', 'dateNaissance'] });
  // another identity typed after the search: the search and the confirmation are to be done again
  useEffect(() => {
    setResultats(null);
    setValue('confirmationNouvellePersonne', false);
  }, [JSON.stringify(identite), setValue]);

  const rechercher = async () => {
    const v = getValues();
    try {
      const { data } = await dataProvider.getList<Homonyme>('homonymes', {
        filter: { nomNaissance: v.nomNaissance, nomUsage: v.nomUsage || undefined, prenoms: String(v.prenomsSaisis ?? ''), dateNaissance: v.dateNaissance },
        pagination: { page: 1, perPage: 50 },
        sort: { field: 'id', order: 'ASC' },
      });
      setResultats(data);
      setValue('confirmationNouvellePersonne', false);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };

  return (
    <Box sx={{ my: 2, width: '100%' }}>
      <Typography variant="h6">Contrôle d’homonymie</Typography>
      <MuiButton variant="outlined" onClick={rechercher}>
        Rechercher les homonymes
      </MuiButton>
      {resultats && resultats.length === 0 ? <Alert severity="success" sx={{ mt: 1 }}>Aucun candidat connu ne correspond.</Alert> : null}
      {resultats && resultats.length > 0 ? (
        <MuiList dense>
          {resultats.map((h) => (
            <ListItem key={h.id} divider>
              <ListItemText
                primary={`${h.nomNaissance.toUpperCase()}${h.nomUsage ? ` (${h.nomUsage.toUpperCase()})` : ''} ${h.prenoms.join(' ')} — né(e) le ${dateFr(h.dateNaissance)} à ${h.lieuNaissance}`}
                secondary={`${h.niveau === 'IDENTIQUE' ? 'Identique' : 'Proche'} : ${h.raisons.join(', ')}`}
              />
              {h.dansPerimetre ? (
                <Link to={`/candidats/${h.id}/show`}>C’est cette personne : ouvrir sa fiche</Link>
              ) : (
                <Typography variant="body2" color="text.secondary">
                  Hors de votre périmètre : inscrivez-le à votre session pour accéder à sa fiche
                </Typography>
              )}
            </ListItem>
          ))}
        </MuiList>
      ) : null}
      {resultats ? (
        <MuiButton sx={{ mt: 1 }} variant={confirme ? 'contained' : 'outlined'} color="warning" onClick={() => setValue('confirmationNouvellePersonne', true, { shouldDirty: true })}>
          {confirme ? 'Nouvelle personne confirmée' : 'Aucune de ces personnes : je confirme une nouvelle personne'}
        </MuiButton>
      ) : null}
    </Box>
  );
};

export const CandidatCreate = () => (
  <Create redirect="show" transform={versRecord}>
    <SimpleForm defaultValues={{ lieu: 'FRANCE', confirmationNouvellePersonne: false }}>
      <Identite />
      <ControleHomonymie />
      <LieuNaissance />
      <Coordonnees />
    </SimpleForm>
  </Create>
);

export const CandidatEdit = () => (
  <Edit mutationMode="pessimistic" transform={versRecord} queryOptions={{ select: (record) => versFormulaire(record) as typeof record }}>
    <SimpleForm>
      <Identite />
      <LieuNaissance />
      <Coordonnees />
    </SimpleForm>
  </Edit>
);
