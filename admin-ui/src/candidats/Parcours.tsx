import { Alert, Box, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useGetOne, useRecordContext } from 'react-admin';
import { EditionsDuCandidat } from '../editions/EditionsDeLaSession';
import { MODES_OBTENTION, RESULTATS_DOCUMENT, TYPES_EVENEMENT, dateFr } from './choix';

interface Detenu {
  date: string;
  mode: string;
  via?: string;
}
interface Bilan {
  titre: string;
  titreLibelle: string | null;
  ccps: { ccp: string; ccpLibelle: string | null; viaLibelle: string | null; detenu: Detenu | null }[];
  titreObtenu: { date: string; mode: string } | null;
  livretDeCertification: boolean;
}
interface Ligne {
  id: string;
  type: string;
  date: string;
  titreLibelle: string | null;
  ccpLibelle: string | null;
  sessionNumero: string | null;
  resultat: string | null;
  libelle: string | null;
  corrige: boolean;
  corrigePar?: string;
  motifCorrection: string | null;
  enregistrePar: string | null;
  demandeEquivalence: string | null;
  /** a document issued (documents plugin) or one of its reissues */
  document?: DocumentLigne;
}
interface DocumentLigne {
  libelle: string;
  numero: string | null;
  dateDelivrance: string;
  lieuDelivrance: string | null;
  imprime: boolean;
  reedition: boolean;
  motif: string | null;
  nombreReeditions: number;
}

/** number, date and place of issue; for a reissue, its reason */
function detailDocument(d: DocumentLigne): string {
  const numero = d.numero ? `N° ${d.numero}` : 'Sans numéro';
  const delivrance = `${d.imprime ? 'délivré' : 'date de délivrance'} le ${dateFr(d.dateDelivrance)}${d.lieuDelivrance ? ` à ${d.lieuDelivrance}` : ''}`;
  if (d.reedition) return `Réédition — ${numero}, ${delivrance}${d.motif ? `. Motif : ${d.motif}` : ''}`;
  const reeditions = d.nombreReeditions ? ` (réédité ${d.nombreReeditions} fois)` : '';
  return `${numero}, ${delivrance}${d.imprime ? '' : ' (numéroté à la validation des résultats, pas encore imprimé)'}${reeditions}`;
}

/** The "Parcours" tab: per title what is held and why, then every event in time order (corrections kept). */
export const Parcours = () => {
  const record = useRecordContext();
  const { data, isPending, error } = useGetOne<{ id: string; titres: Bilan[]; historique: Ligne[] }>('parcours', { id: record?.id as string }, { enabled: Boolean(record?.id) });
  if (!record || isPending) return null;
  if (error) return <Alert severity="error">{(error as Error).message}</Alert>;
  if (!data) return null;
  return (
    <Stack spacing={3}>
      <Box>
        <Typography variant="h6">Titres et CCP</Typography>
        {data.titres.length === 0 ? <Typography color="text.secondary">Aucun CCP ni titre à ce jour.</Typography> : null}
        {data.titres.map((bilan) => (
          <Box key={bilan.titre} sx={{ mt: 2 }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Typography variant="subtitle1">{bilan.titreLibelle ?? bilan.titre}</Typography>
              {bilan.titreObtenu ? (
                <Chip color="success" label={`Titre obtenu le ${dateFr(bilan.titreObtenu.date)} ${MODES_OBTENTION[bilan.titreObtenu.mode] ?? ''}`} />
              ) : bilan.livretDeCertification ? (
                <Chip color="warning" label="Réussite partielle : livret de certification" />
              ) : (
                <Chip label="Non obtenu" />
              )}
            </Stack>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>CCP</TableCell>
                  <TableCell>Détenu</TableCell>
                  <TableCell>Depuis le</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {bilan.ccps.map((c) => (
                  <TableRow key={c.ccp}>
                    <TableCell>{c.ccpLibelle ?? c.ccp}</TableCell>
                    <TableCell>{c.detenu ? `Oui, ${MODES_OBTENTION[c.detenu.mode] ?? c.detenu.mode}${c.viaLibelle ? ` (depuis ${c.viaLibelle})` : ''}` : 'Non'}</TableCell>
                    <TableCell>{dateFr(c.detenu?.date)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        ))}
      </Box>
      <Box>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography variant="h6">Historique</Typography>
          <EditionsDuCandidat />
        </Stack>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>Date</TableCell>
              <TableCell>Événement</TableCell>
              <TableCell>Titre / CCP</TableCell>
              <TableCell>Résultat</TableCell>
              <TableCell>Détail</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.historique.length === 0 ? (
              <TableRow>
                <TableCell colSpan={5}>Aucun événement enregistré.</TableCell>
              </TableRow>
            ) : null}
            {data.historique.map((ligne) => (
              <TableRow key={ligne.id} sx={ligne.corrige ? { '& td': { textDecoration: 'line-through', color: 'text.secondary' } } : undefined}>
                <TableCell>{dateFr(ligne.date)}</TableCell>
                <TableCell>{TYPES_EVENEMENT[ligne.type] ?? ligne.type}</TableCell>
                <TableCell>{[ligne.titreLibelle, ligne.ccpLibelle, ligne.document?.libelle, ligne.sessionNumero ? `session ${ligne.sessionNumero}` : null].filter(Boolean).join(' — ')}</TableCell>
                <TableCell>{ligne.document ? (RESULTATS_DOCUMENT[ligne.resultat ?? ''] ?? ligne.resultat) : (ligne.resultat ?? '')}</TableCell>
                <TableCell>
                  {ligne.document ? detailDocument(ligne.document) : (ligne.libelle ?? '')}
                  {ligne.corrige ? ' (corrigé ultérieurement)' : ''}
                  {ligne.motifCorrection ? ` Correction : ${ligne.motifCorrection}` : ''}
                  {ligne.demandeEquivalence ? (
                    <>
                      {' '}
                      <Link to={`/demandes-equivalence/${ligne.demandeEquivalence}/show`}>voir la demande</Link>
                    </>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </Stack>
  );
};
