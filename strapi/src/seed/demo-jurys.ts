/**
 * Demo jurors (Rhône, Paris, Nouvelle-Calédonie) with their experience periods and habilitations on the
 * titles the demo centres hold an agrément ACCORDE for: what ud.rhone manages and centre.lyon picks from.
 * One junior juror (the seniority rule refuses to habilitate them) and one retiree, whose former habilitation
 * (ended 2022) is expired by the plugin's sweep. Idempotent (by e-mail),
 * never in production. Written through the Document Service: the jurys plugin's closed-title guard applies.
 */
import type { Core } from '@strapi/strapi';

type Row = Record<string, any> & { id: number; documentId: string };

interface DemoJure {
  email: string;
  civilite: 'M' | 'MME';
  nom: string;
  prenom: string;
  departement: string;
  commune: string;
  codePostal: string;
  adresse: string;
  telephone: string;
  metier: string;
  employeur: string;
  periodes: [string, string | null][];
  retraite?: string;
  /** habilitations on the n-th title with an agrément ACCORDE, their statut, and dates when not the default ones */
  habilitations: [number, 'ACTIVE' | 'SUSPENDUE', string?, string?][];
}

const DEMO_JURES: DemoJure[] = [
  { email: 'sophie.martin@jure.demo', civilite: 'MME', nom: 'Martin', prenom: 'Sophie', departement: '69', commune: '69123', codePostal: '69003', adresse: '14 rue Garibaldi', telephone: '04 72 11 22 33', metier: 'Développeuse web', employeur: 'Numérique Rhône SAS', periodes: [['2012-09-01', '2016-06-30'], ['2016-07-01', null]], habilitations: [[0, 'ACTIVE']] },
  { email: 'karim.benali@jure.demo', civilite: 'M', nom: 'Benali', prenom: 'Karim', departement: '69', commune: '69266', codePostal: '69100', adresse: '8 cours Émile-Zola', telephone: '06 45 12 78 90', metier: 'Chef de projet informatique', employeur: 'Lyon Data Services', periodes: [['2008-01-15', null]], habilitations: [[0, 'ACTIVE'], [1, 'SUSPENDUE']] },
  { email: 'jeanne.dupre@jure.demo', civilite: 'MME', nom: 'Dupré', prenom: 'Jeanne', departement: '69', commune: '69123', codePostal: '69007', adresse: '3 avenue Jean-Jaurès', telephone: '04 78 65 43 21', metier: 'Formatrice en développement', employeur: '', periodes: [['1985-09-01', null]], retraite: '2022-06-30', habilitations: [[0, 'ACTIVE'], [0, 'ACTIVE', '2019-01-07', '2022-12-31']] },
  { email: 'lucas.petit@jure.demo', civilite: 'M', nom: 'Petit', prenom: 'Lucas', departement: '69', commune: '69123', codePostal: '69008', adresse: '22 rue Villon', telephone: '07 81 23 45 67', metier: 'Développeur web', employeur: 'Start-up Confluence', periodes: [['2024-09-01', null]], habilitations: [] },
  { email: 'nadia.rousseau@jure.demo', civilite: 'MME', nom: "Rousseau-L'Hôte", prenom: 'Nadia', departement: '75', commune: '75056', codePostal: '75011', adresse: '40 boulevard Voltaire', telephone: '01 43 55 66 77', metier: 'Développeuse full-stack', employeur: 'Paris Web Studio', periodes: [['2010-03-01', null]], habilitations: [[0, 'ACTIVE']] },
  { email: 'paul.wamytan@jure.demo', civilite: 'M', nom: 'Wamytan', prenom: 'Paul', departement: '988', commune: '98818', codePostal: '98800', adresse: '12 rue de Sébastopol', telephone: '+687 27 12 34', metier: 'Technicien réseaux', employeur: 'Calédonie Télécom', periodes: [['2005-01-01', null]], habilitations: [[0, 'ACTIVE']] },
];

const iso = (d: Date) => d.toISOString().slice(0, 10);

export async function seedDemoJurys(strapi: Core.Strapi) {
  if (process.env.NODE_ENV === 'production') return;
  const q = (uid: string) => strapi.db.query(uid as never);
  const documents = (uid: string) => strapi.documents(uid as never) as unknown as { create(p: { data: Record<string, unknown> }): Promise<Row> };
  // the titles the demo centres are agréés for, in a stable order
  const agrements = (await q('api::agrement.agrement').findMany({
    where: { statut: 'ACCORDE', titre: { id: { $notNull: true } } },
    populate: { titre: true },
    orderBy: { id: 'asc' },
  })) as Row[];
  const today = iso(new Date());
  const titres: Row[] = [];
  for (const a of agrements) {
    const t = a.titre as Row | null;
    if (!t || titres.some((x) => x.id === t.id)) continue;
    if (['CLOTURE', 'REMPLACE'].includes(t.statut) || (t.dateFinValidite && t.dateFinValidite < today)) continue;
    titres.push(t);
  }
  let created = 0;
  for (const demo of DEMO_JURES) {
    if (await q('api::jure.jure').findOne({ where: { email: demo.email }, select: ['id'] })) continue;
    const departement = (await q('api::departement.departement').findOne({ where: { code: demo.departement }, select: ['id', 'documentId'] })) as Row | null;
    if (!departement) continue;
    const commune = (await q('api::commune.commune').findOne({ where: { codeInsee: demo.commune, type: 'COMMUNE_ACTUELLE' }, select: ['id', 'documentId'] })) as Row | null;
    await strapi.db.transaction(async () => {
      const jure = await documents('api::jure.jure').create({
        data: {
          email: demo.email,
          civilite: demo.civilite,
          nom: demo.nom,
          prenom: demo.prenom,
          telephone: demo.telephone,
          adresse: demo.adresse,
          codePostal: demo.codePostal,
          commune: commune?.documentId ?? null,
          departement: departement.documentId,
          metier: demo.metier,
          employeur: demo.employeur || null,
          retraite: Boolean(demo.retraite),
          dateRetraite: demo.retraite ?? null,
          dateProfessionnalisation: '2023-03-14',
        },
      });
      for (const [dateDebut, dateFin] of demo.periodes) {
        await documents('api::periode-experience.periode-experience').create({ data: { jure: jure.documentId, dateDebut, dateFin, metier: demo.metier, employeur: demo.employeur || null } });
      }
      for (const [index, statut, debut, fin] of demo.habilitations) {
        const titre = titres[index];
        if (!titre) continue;
        const limite = new Date();
        limite.setUTCFullYear(limite.getUTCFullYear() + 3);
        const dateFin = fin ?? (titre.dateFinValidite && titre.dateFinValidite < iso(limite) ? titre.dateFinValidite : iso(limite));
        const entree = { le: new Date().toISOString(), action: 'accorder', de: null, vers: 'ACTIVE', par: 'CERES (données de démonstration)' };
        const historique = statut === 'SUSPENDUE' ? [entree, { ...entree, action: 'suspendre', de: 'ACTIVE', vers: 'SUSPENDUE', motif: 'Démonstration : suspension en attente de justificatifs' }] : [entree];
        await documents('api::habilitation.habilitation').create({
          data: { jure: jure.documentId, titre: titre.documentId, dateDebut: debut ?? '2025-01-06', dateFin, statut, departement: departement.documentId, historique, ancienneteRetenue: 'données de démonstration' },
        });
      }
    });
    created += 1;
  }
  if (created) {
    strapi.log.info(`CERES : ${created} juré(s) de démonstration créé(s).`);
    // the one created already past its end expires now, as the plugin's sweep does at start and every 6 h
    await (strapi.plugin('jurys')?.service('workflow') as { expirer(): Promise<number> } | undefined)?.expirer();
  }
}
