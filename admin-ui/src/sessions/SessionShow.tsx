import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Autocomplete,
  Box,
  Button as MuiButton,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import {
  BooleanField,
  DataTable,
  DateField,
  FunctionField,
  NumberField,
  ReferenceArrayField,
  ReferenceField,
  Form,
  Link,
  ReferenceManyField,
  ResourceContextProvider,
  SelectField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useGetList,
  useGetMany,
  useGetManyReference,
  useNotify,
  usePermissions,
  useRecordContext,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { DocumentButton } from '../documents/DocumentButton';
import { EditionsDeLaSession } from '../editions/EditionsDeLaSession';
import { prenomsTexte } from '../candidats/choix';
import { ControleHomonymie, Identite, LieuNaissance, versRecord } from '../candidats/Identite';
import { canAccess, type Permissions } from '../providers/permissions';
import { HistoriqueTab } from '../tracabilite/HistoriqueTab';
import { DECISIONS, MODALITES, PRESENCES, STATUTS, STATUTS_INSCRIPTION, TYPES, VOIES_ACCES, dateFr, decisionsOf } from './choix';
import { SessionToolbar, useAllowedActions, useSessionAction } from './actions';
import { PieceJointe, type PieceInfo } from './PieceJointe';

type Rec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// prenoms: a list, or its JSON text in older records (prenomsTexte reads both)
const candidatLabel = (c?: Rec) => (c ? `${String(c.nomUsage || c.nomNaissance || '').toUpperCase()} ${prenomsTexte(c.prenoms)} — né(e) le ${dateFr(c.dateNaissance)}` : '');
const jureLabel = (j?: Rec) => (j ? `${String(j.nom ?? '').toUpperCase()} ${j.prenom ?? ''}${j.metier ? ` — ${j.metier}` : ''}` : '');

/** A search-as-you-type picker on a bridge resource (q), outside any react-admin form. */
const Picker = ({ resource, label, optionLabel, value, onChange }: { resource: string; label: string; optionLabel: (r?: Rec) => string; value: Rec | null; onChange: (r: Rec | null) => void }) => {
  const [q, setQ] = useState('');
  const { data = [] } = useGetList(resource, { filter: q ? { q } : {}, pagination: { page: 1, perPage: 20 } }, { enabled: q.trim().length >= 2 });
  return (
    <Autocomplete
      options={data}
      value={value}
      getOptionLabel={(o) => optionLabel(o)}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      filterOptions={(x) => x}
      onInputChange={(_e, v) => setQ(v)}
      onChange={(_e, v) => onChange(v)}
      renderInput={(params) => <MuiTextField {...params} label={label} margin="dense" helperText="Tapez au moins deux lettres" />}
    />
  );
};

// ---------------------------------------------------------------- Candidats

/**
 * « Inscrire un candidat » (v1.7 homonym control): the identity first, searched nationally; the agent registers
 * one of the matches — out of scope too (registering brings them into the centre's scope) — or, none being the
 * person, confirms a new person, completes the birth place and creates and registers them in one call (the
 * server creates the candidate as its form does, inside the registration's transaction).
 */
const InscrireButton = () => {
  const record = useRecordContext();
  const run = useSessionAction();
  const notify = useNotify();
  const { permissions } = usePermissions<Permissions>();
  const [open, setOpen] = useState(false);
  const [voieAcces, setVoieAcces] = useState('FORMATION_CONTINUE');
  const [livretEcf, setLivretEcf] = useState(false);
  const [confirmerHomonyme, setConfirmerHomonyme] = useState(false);
  if (!record) return null;
  const inscrire = async (candidat: { candidat: string } | { nouveauCandidat: Record<string, unknown> }) => {
    if (await run(String(record.id), 'inscrire', { ...candidat, voieAcces, livretEcf, ...(confirmerHomonyme ? { confirmerHomonyme } : {}) }, 'Candidat inscrit.')) {
      setConfirmerHomonyme(false);
      setOpen(false);
    }
  };
  const creerEtInscrire = async (values: Rec) => {
    if (values.confirmationNouvellePersonne !== true) {
      notify('Recherchez d’abord les homonymes, puis inscrivez l’une des personnes trouvées ou confirmez une nouvelle personne.', { type: 'warning' });
      return;
    }
    await inscrire({ nouveauCandidat: versRecord(values) });
  };
  const peutCreer = canAccess(permissions ?? null, 'candidats', 'create');
  return (
    <>
      <MuiButton size="small" variant="contained" onClick={() => setOpen(true)} data-action="inscrire">
        Inscrire un candidat
      </MuiButton>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="md">
        <DialogTitle>Inscrire un candidat</DialogTitle>
        <ResourceContextProvider value="candidats">
          <Form onSubmit={creerEtInscrire} record={{ lieu: 'FRANCE', confirmationNouvellePersonne: false }}>
            <DialogContent>
              <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                <MuiTextField select label="Voie d’accès" value={voieAcces} onChange={(e) => setVoieAcces(e.target.value)} margin="dense" sx={{ minWidth: 280 }}>
                  {VOIES_ACCES.map((v) => (
                    <MenuItem key={v.id} value={v.id}>
                      {v.name}
                    </MenuItem>
                  ))}
                </MuiTextField>
                <FormControlLabel control={<Checkbox checked={livretEcf} onChange={(e) => setLivretEcf(e.target.checked)} />} label="Livret des ECF présent" />
              </Stack>
              <FormControlLabel
                control={<Checkbox checked={confirmerHomonyme} onChange={(e) => setConfirmerHomonyme(e.target.checked)} />}
                label="Homonyme signalé parmi les inscrits : j’ai vérifié qu’il s’agit bien d’une autre personne"
              />
              <Typography variant="subtitle1" sx={{ mt: 2 }}>
                Identité du candidat
              </Typography>
              <Typography variant="body2" color="text.secondary">
                Recherche nationale : un candidat hors de votre périmètre n’est montré que par son identité ; l’inscrire à votre session vous donne accès à sa fiche.
              </Typography>
              <Identite />
              <ControleHomonymie
                choix={(h) => (
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                    {h.dansPerimetre ? <Link to={`/candidats/${h.id}/show`}>Voir la fiche</Link> : <Typography variant="body2" color="text.secondary">Hors de votre périmètre</Typography>}
                    <MuiButton size="small" variant="contained" onClick={() => inscrire({ candidat: h.id })}>
                      Inscrire cette personne
                    </MuiButton>
                  </Stack>
                )}
              />
              {peutCreer ? <NouvellePersonne /> : null}
            </DialogContent>
          </Form>
        </ResourceContextProvider>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>Fermer</MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};

/** Once a new person is confirmed: the birth place the candidate record requires, then one call creates and registers. */
const NouvellePersonne = () => {
  const confirme = useWatch({ name: 'confirmationNouvellePersonne' });
  if (confirme !== true) return null;
  return (
    <Box sx={{ mt: 1 }}>
      <LieuNaissance />
      <MuiButton type="submit" variant="contained" color="warning">
        Créer la personne et l’inscrire
      </MuiButton>
    </Box>
  );
};

const DesinscrireButton = ({ sessionId }: { sessionId: string }) => {
  const inscription = useRecordContext();
  const run = useSessionAction();
  const [open, setOpen] = useState(false);
  const [motif, setMotif] = useState('');
  if (!inscription || inscription.statut !== 'INSCRIT') return null;
  return (
    <>
      <MuiButton size="small" color="error" onClick={() => setOpen(true)}>
        Désinscrire
      </MuiButton>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth>
        <DialogTitle>Désinscrire le candidat</DialogTitle>
        <DialogContent>
          <MuiTextField label="Motif (obligatoire)" value={motif} onChange={(e) => setMotif(e.target.value)} multiline minRows={2} fullWidth margin="dense" />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>Fermer</MuiButton>
          <MuiButton
            variant="contained"
            color="error"
            disabled={motif.trim().length < 3}
            onClick={async () => {
              if (await run(sessionId, 'desinscrire', { inscription: inscription.id, motif }, 'Candidat désinscrit.')) setOpen(false);
            }}
          >
            Désinscrire
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};

const CandidatsTab = () => {
  const record = useRecordContext();
  const allowed = useAllowedActions();
  return (
    <Box>
      {allowed.includes('inscrire') ? <InscrireButton /> : null}
      {!allowed.includes('inscrire') && record && !['ANNULEE'].includes(record.statut) ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          Les inscriptions et désinscriptions sont closes une fois les convocations envoyées.
        </Typography>
      ) : null}
      <ReferenceManyField reference="inscriptions" target="session" perPage={200} sort={{ field: 'createdAt', order: 'ASC' }}>
        <DataTable bulkActionButtons={false} rowClick={false} empty={<Typography sx={{ p: 2 }}>Aucun candidat inscrit.</Typography>}>
          <DataTable.Col source="candidat" label="Candidat">
            <ReferenceField source="candidat" reference="candidats" link="show">
              <FunctionField render={(c: Rec) => candidatLabel(c)} />
            </ReferenceField>
          </DataTable.Col>
          <DataTable.Col source="voieAcces" label="Voie d’accès">
            <SelectField source="voieAcces" choices={VOIES_ACCES} />
          </DataTable.Col>
          <DataTable.Col source="statut" label="Statut">
            <SelectField source="statut" choices={STATUTS_INSCRIPTION} />
          </DataTable.Col>
          <DataTable.Col source="dateInscription" label="Inscrit le">
            <DateField source="dateInscription" locales="fr-FR" />
          </DataTable.Col>
          <DataTable.Col source="dateConvocation" label="Convoqué le">
            <DateField source="dateConvocation" locales="fr-FR" />
          </DataTable.Col>
          <DataTable.Col source="motifDesinscription" label="Désinscription">
            <DateField source="dateDesinscription" locales="fr-FR" /> <TextField source="motifDesinscription" />
          </DataTable.Col>
          {allowed.includes('desinscrire') ? (
            <DataTable.Col label="">
              <DesinscrireButton sessionId={String(record?.id)} />
            </DataTable.Col>
          ) : null}
        </DataTable>
      </ReferenceManyField>
    </Box>
  );
};

// ---------------------------------------------------------------- Jury

const JuryTab = () => {
  const record = useRecordContext();
  const allowed = useAllowedActions();
  const run = useSessionAction();
  const [jure, setJure] = useState<Rec | null>(null);
  if (!record) return null;
  return (
    <Box>
      {allowed.includes('ajouterJure') ? (
        <Stack direction="row" spacing={1} sx={{ maxWidth: 700, alignItems: 'center' }}>
          <Box sx={{ flex: 1 }}>
            <Picker resource="jures" label="Juré habilité à ajouter" optionLabel={jureLabel} value={jure} onChange={setJure} />
          </Box>
          <MuiButton
            variant="contained"
            size="small"
            disabled={!jure}
            onClick={async () => {
              if (await run(String(record.id), 'ajouterJure', { jure: jure?.id }, 'Juré ajouté au jury.')) setJure(null);
            }}
          >
            Ajouter au jury
          </MuiButton>
        </Stack>
      ) : (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {['RESULTATS_TRANSMIS', 'RESULTATS_VALIDES', 'CLOTUREE', 'DEVERROUILLEE'].includes(record.statut) ? 'Le jury ne se modifie plus une fois les résultats transmis.' : null}
        </Typography>
      )}
      <ReferenceManyField reference="membres-jury" target="session" perPage={50}>
        <DataTable bulkActionButtons={false} rowClick={false} empty={<Typography sx={{ p: 2 }}>Aucun juré désigné (il en faut au moins deux, habilités).</Typography>}>
          <DataTable.Col source="jure" label="Juré">
            <ReferenceField source="jure" reference="jures" link="show">
              <TextField source="nom" /> <TextField source="prenom" />
            </ReferenceField>
          </DataTable.Col>
          <DataTable.Col source="habilite" label="Habilité">
            <BooleanField source="habilite" />
          </DataTable.Col>
          <DataTable.Col source="present" label="Présent">
            <BooleanField source="present" />
          </DataTable.Col>
          <DataTable.Col source="lienSignale" label="Lien signalé">
            <LienField />
          </DataTable.Col>
          {allowed.includes('retirerJure') ? (
            <DataTable.Col label="">
              <RetirerJure sessionId={String(record.id)} />
            </DataTable.Col>
          ) : null}
        </DataTable>
      </ReferenceManyField>
    </Box>
  );
};

const LienField = () => {
  const membre = useRecordContext();
  if (!membre?.lienSignale) return <>Non</>;
  return (
    <Alert severity="warning" sx={{ py: 0 }}>
      {membre.lienDetail ?? 'Lien déclaré'}
    </Alert>
  );
};

const RetirerJure = ({ sessionId }: { sessionId: string }) => {
  const membre = useRecordContext();
  const run = useSessionAction();
  if (!membre) return null;
  return (
    <MuiButton size="small" color="error" onClick={() => run(sessionId, 'retirerJure', { jure: membre.jure }, 'Juré retiré du jury.')}>
      Retirer
    </MuiButton>
  );
};

// ---------------------------------------------------------------- Résultats

type Ligne = { inscription: string; candidat: string; presence: string | null; resultatsCcp: Record<string, string>; entretienFinal: boolean | null; decision: string | null; justificatifAbsence: string | null };

const ResultatsTab = () => {
  const record = useRecordContext();
  const allowed = useAllowedActions();
  const run = useSessionAction();
  const editable = allowed.includes('enregistrerResultats');
  const { data: inscriptions = [] } = useGetManyReference('inscriptions', { target: 'session', id: record?.id, pagination: { page: 1, perPage: 500 }, sort: { field: 'createdAt', order: 'ASC' }, filter: { statut: 'INSCRIT' } }, { enabled: Boolean(record) });
  const { data: membres = [] } = useGetManyReference('membres-jury', { target: 'session', id: record?.id, pagination: { page: 1, perPage: 50 }, sort: { field: 'createdAt', order: 'ASC' }, filter: {} }, { enabled: Boolean(record) });
  const { data: candidats = [] } = useGetMany('candidats', { ids: inscriptions.map((i) => i.candidat).filter(Boolean) }, { enabled: inscriptions.length > 0 });
  const { data: jures = [] } = useGetMany('jures', { ids: membres.map((m) => m.jure).filter(Boolean) }, { enabled: membres.length > 0 });
  const { data: ccpsTitre = [] } = useGetList('ccps', { filter: { titres: record?.titre }, pagination: { page: 1, perPage: 50 }, sort: { field: 'rang', order: 'ASC' } }, { enabled: record?.type === 'TITRE' && Boolean(record?.titre) });
  const { data: ccpsSession = [] } = useGetMany('ccps', { ids: record?.ccps ?? [] }, { enabled: record?.type === 'CCP' });
  const ccps = record?.type === 'TITRE' ? ccpsTitre : record?.type === 'CCP' ? ccpsSession : [];

  const [lignes, setLignes] = useState<Ligne[]>([]);
  const [jury, setJury] = useState<Record<string, boolean | null>>({});
  const [pvNumero, setPvNumero] = useState('');
  // the signed PV and the absences' documents are uploaded at once (not with the grid): kept here so that an
  // upload does not reload the grid being edited
  const [pv, setPv] = useState<PieceInfo | null>(null);
  const [piecesAbsence, setPiecesAbsence] = useState<Record<string, PieceInfo | null>>({});
  const key = useMemo(() => JSON.stringify([inscriptions.map((i) => [i.id, i.updatedAt]), membres.map((m) => [m.id, m.present]), record?.pvNumero]), [inscriptions, membres, record]);
  useEffect(() => {
    const byId = new Map(candidats.map((c) => [c.id, c]));
    setLignes(
      inscriptions.map((i) => ({
        inscription: String(i.id),
        candidat: candidatLabel(byId.get(i.candidat)) || String(i.candidat),
        presence: i.presence ?? null,
        resultatsCcp: { ...(i.resultatsCcp ?? {}) },
        entretienFinal: i.entretienFinal ?? null,
        decision: i.decision ?? null,
        justificatifAbsence: i.justificatifAbsence ?? null,
      })),
    );
    setJury(Object.fromEntries(membres.map((m) => [String(m.jure), m.present ?? null])));
    setPvNumero(record?.pvNumero ?? '');
    setPv((record?.pv as PieceInfo | null) ?? null);
    setPiecesAbsence(Object.fromEntries(inscriptions.map((i) => [String(i.id), (i.pieceAbsence as PieceInfo | null) ?? null])));
  }, [key, candidats.length]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!record) return null;
  const set = (index: number, patch: Partial<Ligne>) => setLignes((all) => all.map((l, i) => (i === index ? { ...l, ...patch } : l)));
  const save = () =>
    run(
      String(record.id),
      'enregistrerResultats',
      {
        lignes: lignes.map(({ candidat: _c, ...l }) => ({ ...l, entretienFinal: record.type === 'TITRE' ? l.entretienFinal : null, resultatsCcp: l.resultatsCcp })),
        jury: Object.entries(jury).map(([jure, present]) => ({ jure, present })),
        pvNumero: pvNumero.trim(),
      },
      'Résultats enregistrés.',
    );
  const juresById = new Map(jures.map((j) => [j.id, j]));
  const historique = inscriptions.some((i) => Array.isArray(i.historiqueResultats) && i.historiqueResultats.length);

  return (
    <Box>
      {!editable ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          Saisie {record.statut === 'DEVERROUILLEE' || record.statut === 'RESULTATS_SAISIS' || record.statut === 'CONVOCATIONS_ENVOYEES' ? 'réservée au centre' : 'fermée dans cet état'} : lecture seule.
        </Typography>
      ) : null}
      <Table size="small" data-testid="grille-resultats">
        <TableHead>
          <TableRow>
            <TableCell>Candidat</TableCell>
            <TableCell>Présence</TableCell>
            {ccps.map((c) => (
              <TableCell key={c.id}>{c.code}</TableCell>
            ))}
            {record.type === 'TITRE' ? <TableCell>Entretien final</TableCell> : null}
            <TableCell>Décision</TableCell>
            <TableCell>Justificatif d’absence</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {lignes.map((l, index) => (
            <TableRow key={l.inscription}>
              <TableCell>{l.candidat}</TableCell>
              <TableCell>
                <MuiTextField select size="small" value={l.presence ?? ''} disabled={!editable} onChange={(e) => set(index, { presence: e.target.value || null })} sx={{ minWidth: 140 }} slotProps={{ htmlInput: { 'aria-label': `Présence ${l.candidat}` } }}>
                  <MenuItem value="">—</MenuItem>
                  {PRESENCES.map((p) => (
                    <MenuItem key={p.id} value={p.id}>
                      {p.name}
                    </MenuItem>
                  ))}
                </MuiTextField>
              </TableCell>
              {ccps.map((c) => (
                <TableCell key={c.id}>
                  <MuiTextField
                    select
                    size="small"
                    value={l.resultatsCcp[c.id] ?? ''}
                    disabled={!editable}
                    onChange={(e) => set(index, { resultatsCcp: { ...l.resultatsCcp, [c.id]: e.target.value } })}
                    sx={{ minWidth: 120 }}
                    slotProps={{ htmlInput: { 'aria-label': `${c.code} ${l.candidat}` } }}
                  >
                    <MenuItem value="">—</MenuItem>
                    <MenuItem value="ACQUIS">Acquis</MenuItem>
                    <MenuItem value="NON_ACQUIS">Non acquis</MenuItem>
                  </MuiTextField>
                </TableCell>
              ))}
              {record.type === 'TITRE' ? (
                <TableCell>
                  <Checkbox checked={l.entretienFinal === true} disabled={!editable} onChange={(e) => set(index, { entretienFinal: e.target.checked })} slotProps={{ input: { 'aria-label': `Entretien final ${l.candidat}` } }} />
                </TableCell>
              ) : null}
              <TableCell>
                <MuiTextField select size="small" value={l.decision ?? ''} disabled={!editable} onChange={(e) => set(index, { decision: e.target.value || null })} sx={{ minWidth: 160 }} slotProps={{ htmlInput: { 'aria-label': `Décision ${l.candidat}` } }}>
                  <MenuItem value="">—</MenuItem>
                  {decisionsOf(record.type).map((d) => (
                    <MenuItem key={d.id} value={d.id}>
                      {d.name}
                    </MenuItem>
                  ))}
                </MuiTextField>
              </TableCell>
              <TableCell>
                <PieceJointe
                  compact
                  resource="inscriptions"
                  recordId={l.inscription}
                  action="joindreJustificatifAbsence"
                  field="justificatif"
                  libelle={`Justificatif d’absence ${l.candidat}`}
                  piece={piecesAbsence[l.inscription]}
                  enabled={editable && l.presence === 'ABSENT_JUSTIFIE'}
                  onUploaded={(answer) => setPiecesAbsence((all) => ({ ...all, [l.inscription]: (answer.pieceAbsence as PieceInfo) ?? null }))}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {record.type === 'CCS' || ccps.length ? null : <Alert severity="info">Aucun CCP rattaché : vérifiez le titre ou les CCP visés.</Alert>}
      <Typography variant="subtitle1" sx={{ mt: 2 }}>
        Présence du jury
      </Typography>
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap' }}>
        {membres.map((m) => (
          <FormControlLabel
            key={m.id}
            control={<Checkbox checked={jury[String(m.jure)] === true} disabled={!editable} onChange={(e) => setJury({ ...jury, [String(m.jure)]: e.target.checked })} />}
            label={jureLabel(juresById.get(m.jure)) || String(m.jure)}
          />
        ))}
        {!membres.length ? <Typography variant="body2">Aucun juré désigné.</Typography> : null}
      </Stack>
      <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center' }}>
        <MuiTextField size="small" label="Numéro du procès-verbal" value={pvNumero} disabled={!editable} onChange={(e) => setPvNumero(e.target.value)} />
        <PieceJointe resource="sessions" recordId={String(record.id)} action="joindrePv" field="pv" libelle="PV signé" piece={pv} enabled={editable} onUploaded={(answer) => setPv((answer.pv as PieceInfo) ?? null)} />
        {editable ? (
          <MuiButton variant="contained" onClick={save} data-action="enregistrerResultats">
            Enregistrer les résultats
          </MuiButton>
        ) : null}
      </Stack>
      {historique ? (
        <>
          <Typography variant="subtitle1" sx={{ mt: 3 }}>
            Résultats validés précédemment (historique)
          </Typography>
          <Table size="small" data-testid="historique-resultats">
            <TableHead>
              <TableRow>
                <TableCell>Candidat</TableCell>
                <TableCell>Version</TableCell>
                <TableCell>Validée le</TableCell>
                <TableCell>Présence</TableCell>
                <TableCell>Décision</TableCell>
                <TableCell>Entretien final</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {inscriptions.flatMap((i) =>
                ((i.historiqueResultats ?? []) as Rec[]).map((h) => (
                  <TableRow key={`${i.id}-${h.version}`}>
                    <TableCell>{lignes.find((l) => l.inscription === i.id)?.candidat}</TableCell>
                    <TableCell>{h.version}</TableCell>
                    <TableCell>{dateFr(h.dateValidation)}</TableCell>
                    <TableCell>{PRESENCES.find((p) => p.id === h.presence)?.name ?? '—'}</TableCell>
                    <TableCell>{DECISIONS.find((d) => d.id === h.decision)?.name ?? '—'}</TableCell>
                    <TableCell>{h.entretienFinal === true ? 'Oui' : h.entretienFinal === false ? 'Non' : '—'}</TableCell>
                  </TableRow>
                )),
              )}
            </TableBody>
          </Table>
        </>
      ) : null}
    </Box>
  );
};

// ---------------------------------------------------------------- Documents

/** the signed PV as attached (uploaded from the Résultats tab while results are entered) */
const PvSigne = () => {
  const record = useRecordContext();
  if (!record) return null;
  return <PieceJointe resource="sessions" recordId={String(record.id)} action="joindrePv" field="pv" libelle="PV signé (pièce jointe)" piece={record.pv as PieceInfo | null} enabled={false} />;
};

const DocumentsTab = () => (
  <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
    <Typography variant="body2" color="text.secondary">
      Les convocations ne s’éditent que si au moins un candidat est inscrit ; parchemins et livrets après validation des résultats.
    </Typography>
    <DocumentButton resource="sessions" action="editerConvocations" label="Convocations des candidats" />
    <DocumentButton resource="sessions" action="editerConvocationsJures" label="Convocations des jurés" />
    <DocumentButton resource="sessions" action="editerListeJurys" label="Liste du jury" />
    <DocumentButton resource="sessions" action="editerEmargement" label="Feuille d’émargement" />
    <DocumentButton resource="sessions" action="editerProcesVerbal" label="Procès-verbal" />
    <PvSigne />
    <DocumentButton resource="sessions" action="delivrerParchemins" label="Parchemins" />
    <DocumentButton resource="sessions" action="delivrerLivrets" label="Livrets de certification" />
    <EditionsDeLaSession />
  </Stack>
);

// ---------------------------------------------------------------- Page

const Bandeau = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Box sx={{ mb: 1 }}>
      <Typography variant="h5">
        Session {record.numero} — {STATUTS.find((s) => s.id === record.statut)?.name ?? record.statut}
      </Typography>
      {record.statut === 'ANNULEE' ? (
        <Alert severity="warning">
          Session annulée le {dateFr(record.dateAnnulation)} : {record.motifAnnulation || 'motif non renseigné'}
        </Alert>
      ) : null}
      {record.statut === 'DEVERROUILLEE' ? (
        <Alert severity="info">
          Déverrouillée le {dateFr(record.dateDeverrouillage)} : {record.motifDeverrouillage} — entretien final : {record.entretienFinalDeverrouillage === true ? 'réalisé' : record.entretienFinalDeverrouillage === false ? 'non réalisé' : 'non précisé'}
        </Alert>
      ) : null}
      <SessionToolbar />
    </Box>
  );
};

export const SessionShow = () => (
  <Show actions={<TopToolbar />} title="Session d’examen">
    <Box sx={{ px: 2, pt: 1 }}>
      <Bandeau />
    </Box>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="Informations">
        <TextField source="numero" />
        <SelectField source="type" choices={TYPES} />
        <ReferenceField source="titre" reference="titres" link="show">
          <TextField source="code" /> <TextField source="intitule" />
        </ReferenceField>
        <ReferenceArrayField source="ccps" reference="ccps" />
        <ReferenceField source="ccs" reference="ccss" link="show">
          <TextField source="code" /> <TextField source="intitule" />
        </ReferenceField>
        <ReferenceField source="centre" reference="centres" link="show">
          <TextField source="raisonSociale" />
        </ReferenceField>
        <ReferenceField source="departement" reference="departements" link={false}>
          <TextField source="code" /> <TextField source="nom" />
        </ReferenceField>
        <ReferenceField source="site" reference="sites" link={false} emptyText="—">
          <TextField source="nom" />
        </ReferenceField>
        <ReferenceField source="agrement" reference="agrements" link="show" emptyText="—">
          <FunctionField render={(a: Rec) => `Agrément accordé, valide du ${dateFr(a.dateDebut)} au ${dateFr(a.dateFin)}`} />
        </ReferenceField>
        <ReferenceField source="autorisationTemporaire" reference="autorisations-temporaires" link="show" emptyText="—">
          <FunctionField render={(a: Rec) => `Autorisation temporaire du ${dateFr(a.dateDebut)} au ${dateFr(a.dateFin)}`} />
        </ReferenceField>
        <DateField source="dateDebut" locales="fr-FR" />
        <DateField source="dateFin" locales="fr-FR" />
        <TextField source="lieu" />
        <TextField source="responsableSession" />
        <NumberField source="nbCandidatsPrevus" />
        <SelectField source="modalite" choices={MODALITES} />
        <BooleanField source="prolongation" />
        <DateField source="dateDeclaration" locales="fr-FR" />
        <DateField source="dateValidation" locales="fr-FR" />
        <DateField source="dateCommandeDte" locales="fr-FR" />
        <TextField source="commentaireDte" />
        <DateField source="dateExpeditionDte" locales="fr-FR" />
        <DateField source="dateConvocations" locales="fr-FR" />
        <DateField source="dateFinalisation" locales="fr-FR" />
        <DateField source="dateTransmission" locales="fr-FR" />
        <DateField source="dateValidationResultats" locales="fr-FR" />
        <DateField source="dateCloture" locales="fr-FR" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Jury" path="jury">
        <JuryTab />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Candidats" path="candidats">
        <CandidatsTab />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Résultats" path="resultats">
        <ResultatsTab />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Documents" path="documents">
        <DocumentsTab />
      </TabbedShowLayout.Tab>
      <HistoriqueTab path="historique" />
    </TabbedShowLayout>
  </Show>
);
