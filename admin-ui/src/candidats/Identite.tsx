/**
 * The candidate's identity inputs and the homonym control (v1.7), in one place: the candidate form
 * (CandidatEdit.tsx) and the session's « Inscrire un candidat » dialog (sessions/SessionShow.tsx) use them,
 * inside a react-admin form of the `candidats` resource.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Box, Button as MuiButton, List as MuiList, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { AutocompleteInput, DateInput, Link, RadioButtonGroupInput, ReferenceInput, SelectInput, TextInput, required, useDataProvider, useNotify } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { SEXES, dateFr } from './choix';

type Donnees = Record<string, unknown>;

/** Form values → record: first names typed in one field become the ordered list, birth place one kind only. */
export const versRecord = (data: Donnees): Donnees => {
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

const communeTexte = (c: { nom?: string; codeInsee?: string }) => (c ? `${c.nom} (${c.codeInsee})` : '');

export const Identite = () => (
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

export const LieuNaissance = () => {
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

export interface Homonyme {
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

/** On the candidate form: open the record in scope; out of scope, say how it comes into scope. */
const ouvrirLaFiche = (h: Homonyme) =>
  h.dansPerimetre ? (
    <Link to={`/candidats/${h.id}/show`}>C’est cette personne : ouvrir sa fiche</Link>
  ) : (
    <Typography variant="body2" color="text.secondary">
      Hors de votre périmètre : inscrivez-le à votre session pour accéder à sa fiche
    </Typography>
  );

/**
 * Homonym control (v1.7) before any creation: the national search on names, first names and birth date;
 * the agent takes an existing candidate (`choix`: what the agent may do with a match — by default open its
 * record), or explicitly confirms a new person (form value `confirmationNouvellePersonne`, recorded by the
 * server with the creation). Out of the agent's scope, a match shows only what identifies the person.
 */
export const ControleHomonymie = ({ choix = ouvrirLaFiche }: { choix?: (h: Homonyme) => ReactNode }) => {
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
            <ListItem key={h.id} divider data-testid="homonyme">
              <ListItemText
                primary={`${h.nomNaissance.toUpperCase()}${h.nomUsage ? ` (${h.nomUsage.toUpperCase()})` : ''} ${h.prenoms.join(' ')} — né(e) le ${dateFr(h.dateNaissance)} à ${h.lieuNaissance}`}
                secondary={`${h.niveau === 'IDENTIQUE' ? 'Identique' : 'Proche'} : ${h.raisons.join(', ')}`}
              />
              {choix(h)}
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
