/**
 * Module statistiques (v1.8): candidates présentés, success rates (total / partial), titles delivered by
 * title, level, région, département, year or access route, and sessions by state — on the agent's territory
 * only (the server scopes every figure; Nouvelle-Calédonie sees its own). Figures come from SQL aggregates
 * (resources `statistiques` and `statistiques-sessions`); charts by recharts; CSV export for a French spreadsheet.
 */
import { useMemo, useState } from 'react';
import { Box, Button as MuiButton, Card, CardContent, MenuItem, Stack, TextField, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { DataTable, ListContextProvider, Title, useGetList, useList } from 'react-admin';
import { saveBlob } from '../extractions/format';

type Ligne = {
  id: string;
  libelle: string;
  inscrits: number;
  presentes: number;
  absents: number;
  reussitesTotales: number;
  reussitesPartielles: number;
  echecs: number;
  titresDelivres: number;
  tauxReussiteTotale: number | null;
  tauxReussitePartielle: number | null;
  tauxReussite: number | null;
};

const AXES = [
  { id: 'titre', name: 'Titre' },
  { id: 'niveau', name: 'Niveau' },
  { id: 'region', name: 'Région' },
  { id: 'departement', name: 'Département' },
  { id: 'annee', name: 'Année' },
  { id: 'voieAcces', name: "Voie d'accès" },
  { id: 'ensemble', name: 'Ensemble' },
];

export const VOIES_ACCES: Record<string, string> = {
  FORMATION_CONTINUE: 'Parcours continu (formation)',
  PARCOURS_PROGRESSIF: 'Parcours progressif (capitalisation)',
  APPRENTISSAGE: 'Apprentissage',
  CONTRAT_PRO: 'Contrat de professionnalisation',
  VAE: 'VAE',
  REUSSITE_PARTIELLE: 'Après une réussite partielle',
};

const TYPES = [
  { id: 'TITRE', name: 'Titre' },
  { id: 'CCP', name: 'CCP' },
  { id: 'CCS', name: 'CCS' },
];

const pct = (value: number | null) => (value == null ? '—' : `${value.toLocaleString('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`);
const decimalFr = (value: number | null) => (value == null ? '' : value.toFixed(1).replace('.', ','));

type Filtres = { axe: string; annee: string; titre: string; niveau: string; region: string; departement: string; voieAcces: string; type: string };
const EMPTY: Filtres = { axe: 'titre', annee: String(new Date().getFullYear()), titre: '', niveau: '', region: '', departement: '', voieAcces: '', type: '' };

/** the filter sent to the server: only what is set */
const serverFilter = (filtres: Filtres, withAxe: boolean) =>
  Object.fromEntries(Object.entries(filtres).filter(([key, value]) => value !== '' && (withAxe || (key !== 'axe' && key !== 'voieAcces'))));

function libelleLigne(ligne: Ligne, axe: string) {
  return axe === 'voieAcces' ? (VOIES_ACCES[ligne.id] ?? ligne.libelle) : ligne.libelle;
}

/** CSV for a French spreadsheet: BOM, ';', decimal comma */
function exporter(lignes: Ligne[], axe: string, filtres: Filtres) {
  const header = [AXES.find((a) => a.id === axe)?.name ?? 'Groupe', 'Inscrits', 'Présentés', 'Absents', 'Réussites totales', 'Réussites partielles', 'Échecs', 'Titres délivrés', 'Taux de réussite totale (%)', 'Taux de réussite partielle (%)', 'Taux de réussite (%)'];
  const cell = (value: unknown) => {
    const text = value == null ? '' : String(value);
    return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const rows = lignes.map((l) => [libelleLigne(l, axe), l.inscrits, l.presentes, l.absents, l.reussitesTotales, l.reussitesPartielles, l.echecs, l.titresDelivres, decimalFr(l.tauxReussiteTotale), decimalFr(l.tauxReussitePartielle), decimalFr(l.tauxReussite)]);
  const csv = [header, ...rows].map((row) => row.map(cell).join(';')).join('\r\n');
  const suffix = Object.entries(serverFilter(filtres, true)).map(([key, value]) => `${key}-${value}`).join('_');
  saveBlob(new Blob([`\ufeff${csv}\r\n`], { type: 'text/csv;charset=utf-8' }), `ceres-statistiques_${suffix || 'ensemble'}.csv`);
}

function Filtre({ label, value, onChange, choices, width = 160 }: { label: string; value: string; onChange: (value: string) => void; choices?: { id: string; name: string }[]; width?: number }) {
  return (
    <TextField select={!!choices} size="small" label={label} value={value} onChange={(event) => onChange(event.target.value)} sx={{ width }}>
      {choices && <MenuItem value="">Tous</MenuItem>}
      {choices?.map((choice) => (
        <MenuItem key={choice.id} value={choice.id}>
          {choice.name}
        </MenuItem>
      ))}
    </TextField>
  );
}

export const StatistiquesPage = () => {
  const [filtres, setFiltres] = useState<Filtres>(EMPTY);
  const set = (key: keyof Filtres) => (value: string) => setFiltres((current) => ({ ...current, [key]: value }));
  const annee = /^\d{4}$/.test(filtres.annee) || filtres.annee === '' ? filtres : { ...filtres, annee: '' };

  const { data: lignes = [], isPending, error } = useGetList<Ligne>('statistiques', {
    filter: serverFilter(annee, true),
    pagination: { page: 1, perPage: 1000 },
    sort: { field: filtres.axe === 'annee' ? 'libelle' : 'presentes', order: filtres.axe === 'annee' ? 'ASC' : 'DESC' },
  });
  const { data: sessions = [] } = useGetList<{ id: string; libelle: string; nombre: number }>('statistiques-sessions', {
    filter: serverFilter(annee, false),
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'nombre', order: 'DESC' },
  });
  const { data: regions = [] } = useGetList('regions', { pagination: { page: 1, perPage: 100 }, sort: { field: 'code', order: 'ASC' } });
  const { data: departements = [] } = useGetList('departements', { pagination: { page: 1, perPage: 200 }, sort: { field: 'code', order: 'ASC' } });
  const { data: titres = [] } = useGetList('titres', { pagination: { page: 1, perPage: 500 }, sort: { field: 'code', order: 'ASC' } });

  const titreChoices = useMemo(() => [...new Map(titres.map((t) => [t.code, { id: t.code as string, name: `${t.code} — ${t.intitule}` }])).values()], [titres]);
  const chart = lignes.slice(0, 20).map((l) => ({ ...l, nom: libelleLigne(l, filtres.axe) }));
  const listContext = useList({ data: lignes.map((l) => ({ ...l, libelle: libelleLigne(l, filtres.axe) })), perPage: 1000 });

  return (
    <Box sx={{ mt: 2 }}>
      <Title title="Statistiques" />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
            <Filtre label="Regrouper par" value={filtres.axe} onChange={set('axe')} choices={AXES.filter((a) => a.id)} />
            <Filtre label="Année (jury)" value={filtres.annee} onChange={set('annee')} width={120} />
            <Filtre label="Titre" value={filtres.titre} onChange={set('titre')} choices={titreChoices} width={260} />
            <Filtre label="Niveau" value={filtres.niveau} onChange={set('niveau')} choices={['3', '4', '5', '6'].map((n) => ({ id: n, name: `Niveau ${n}` }))} width={120} />
            <Filtre label="Région" value={filtres.region} onChange={set('region')} choices={regions.map((r) => ({ id: r.code, name: `${r.code} — ${r.nom}` }))} width={220} />
            <Filtre label="Département" value={filtres.departement} onChange={set('departement')} choices={departements.map((d) => ({ id: d.code, name: `${d.code} — ${d.nom}` }))} width={220} />
            <Filtre label="Voie d'accès" value={filtres.voieAcces} onChange={set('voieAcces')} choices={Object.entries(VOIES_ACCES).map(([id, name]) => ({ id, name }))} width={220} />
            <Filtre label="Type de session" value={filtres.type} onChange={set('type')} choices={TYPES} width={140} />
            <MuiButton onClick={() => setFiltres(EMPTY)}>Réinitialiser</MuiButton>
            <MuiButton variant="outlined" startIcon={<DownloadIcon />} disabled={!lignes.length} onClick={() => exporter(lignes, filtres.axe, annee)}>
              Exporter (CSV)
            </MuiButton>
          </Stack>
          <Typography variant="body2" sx={{ mt: 1, opacity: 0.8 }}>
            Résultats validés uniquement (une session déverrouillée ne compte plus jusqu’à sa revalidation). Les absents, justifiés ou non, ne sont pas des présentés.
          </Typography>
          {error && <Typography color="error">{(error as Error).message}</Typography>}
        </CardContent>
      </Card>

      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2} sx={{ mb: 2 }}>
        <Card sx={{ flex: 2 }}>
          <CardContent>
            <Typography variant="h6">Candidats présentés et réussites</Typography>
            <ResponsiveContainer width="100%" height={320}>
              <BarChart data={chart} margin={{ top: 10, right: 10, bottom: 60, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="nom" angle={-30} textAnchor="end" interval={0} height={80} tick={{ fontSize: 11 }} />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend verticalAlign="top" />
                <Bar dataKey="presentes" name="Présentés" fill="#000091" />
                <Bar dataKey="reussitesTotales" name="Réussites totales" fill="#18753c" />
                <Bar dataKey="reussitesPartielles" name="Réussites partielles" fill="#b34000" />
                <Bar dataKey="titresDelivres" name="Titres délivrés" fill="#6a6af4" />
              </BarChart>
            </ResponsiveContainer>
          </CardContent>
        </Card>
        <Card sx={{ flex: 1 }}>
          <CardContent>
            <Typography variant="h6">Sessions par état</Typography>
            <ResponsiveContainer width="100%" height={320}>
              <BarChart data={sessions} layout="vertical" margin={{ top: 10, right: 20, bottom: 10, left: 40 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="libelle" width={150} tick={{ fontSize: 11 }} />
                <Tooltip />
                <Bar dataKey="nombre" name="Sessions" fill="#000091" />
              </BarChart>
            </ResponsiveContainer>
          </CardContent>
        </Card>
      </Stack>

      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="h6">Taux de réussite (%)</Typography>
          <ResponsiveContainer width="100%" height={260}>
            <BarChart data={chart} margin={{ top: 10, right: 10, bottom: 60, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="nom" angle={-30} textAnchor="end" interval={0} height={80} tick={{ fontSize: 11 }} />
              <YAxis domain={[0, 100]} unit=" %" />
              <Tooltip formatter={(value) => pct(typeof value === 'number' ? value : null)} />
              <Legend verticalAlign="top" />
              <Bar dataKey="tauxReussiteTotale" name="Réussite totale" stackId="taux" fill="#18753c" />
              <Bar dataKey="tauxReussitePartielle" name="Réussite partielle" stackId="taux" fill="#b34000" />
            </BarChart>
          </ResponsiveContainer>
        </CardContent>
      </Card>

      <Card>
        <CardContent>
          <ListContextProvider value={listContext}>
            <DataTable bulkActionButtons={false} rowClick={false} isLoading={isPending}>
              <DataTable.Col source="libelle" label={AXES.find((a) => a.id === filtres.axe)?.name ?? 'Groupe'} />
              <DataTable.NumberCol source="inscrits" label="Inscrits" />
              <DataTable.NumberCol source="presentes" label="Présentés" />
              <DataTable.NumberCol source="absents" label="Absents" />
              <DataTable.NumberCol source="reussitesTotales" label="Réussites totales" />
              <DataTable.NumberCol source="reussitesPartielles" label="Réussites partielles" />
              <DataTable.NumberCol source="echecs" label="Échecs" />
              <DataTable.NumberCol source="titresDelivres" label="Titres délivrés" />
              <DataTable.Col source="tauxReussiteTotale" label="Réussite totale" render={(l: Ligne) => pct(l.tauxReussiteTotale)} />
              <DataTable.Col source="tauxReussitePartielle" label="Réussite partielle" render={(l: Ligne) => pct(l.tauxReussitePartielle)} />
            </DataTable>
          </ListContextProvider>
        </CardContent>
      </Card>
    </Box>
  );
};
