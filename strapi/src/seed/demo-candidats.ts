/**
 * Demo candidates and equivalence rules, so that the candidate screens show real cases: a person born
 * in France living in the Rhône with a path across two versions of DWWM (capitalisation through the
 * referential's version correspondences), one born in the former U.R.S.S., one in Paris; and the rules
 * of the newsletter v1.6 (external equivalence towards MATU, internal equivalence for the mandatés).
 * Demo only (refused when NODE_ENV=production); idempotent: a candidate already present (same birth
 * name and date) or a rule already present (same label) is left alone.
 * Written through the Document Service, so that the server derives what it derives for an agent.
 */
import type { Core } from '@strapi/strapi';

type Row = { id: number; documentId: string };

interface DemoCandidat {
  nomNaissance: string;
  nomUsage?: string;
  prenoms: string[];
  sexe: 'F' | 'M';
  dateNaissance: string;
  commune?: { code: string; libelle: string };
  pays?: { code: string; libelleCog: string; ville: string };
  nationalite: string;
  codePostal: string;
  ville: string;
  adresse: string;
  /** path events: [type, date, ccp code or null, titre "code@version" or null, resultat] */
  parcours?: [string, string, string | null, string | null, string][];
}

const CANDIDATS: DemoCandidat[] = [
  {
    nomNaissance: 'Martin',
    nomUsage: 'Dupont',
    prenoms: ['Marie-Hélène', 'Léa'],
    sexe: 'F',
    dateNaissance: '1984-02-29',
    commune: { code: '93066', libelle: 'Saint-Denis' },
    nationalite: '99100',
    codePostal: '69003',
    ville: 'Lyon',
    adresse: '14 rue Paul Bert',
    parcours: [
      ['INSCRIPTION', '2021-03-01', null, 'TP-01280@2018', 'INSCRIT'],
      ['RESULTAT_CCP', '2021-06-18', 'CP-01280-18-1', 'TP-01280@2018', 'ACQUIS'],
      ['RESULTAT_CCP', '2021-06-18', 'CP-01280-18-2', 'TP-01280@2018', 'NON_ACQUIS'],
      ['DOCUMENT', '2021-07-05', null, 'TP-01280@2018', 'LIVRET_DE_CERTIFICATION'],
      ['RESULTAT_CCP', '2024-05-24', 'CP-01280-23-2', 'TP-01280@2023', 'ACQUIS'],
    ],
  },
  {
    nomNaissance: 'Petrov',
    prenoms: ['Ivan', 'Sergueïevitch'],
    sexe: 'M',
    dateNaissance: '1979-11-03',
    pays: { code: '99123', libelleCog: 'U.R.S.S.', ville: 'Kiev' },
    nationalite: '99155',
    codePostal: '75011',
    ville: 'Paris',
    adresse: '3 rue de la Roquette',
  },
  {
    nomNaissance: "N'Diaye",
    prenoms: ['Awa'],
    sexe: 'F',
    dateNaissance: '1996-08-12',
    commune: { code: '94038', libelle: "L'Haÿ-les-Roses" },
    nationalite: '99100',
    codePostal: '69100',
    ville: 'Villeurbanne',
    adresse: '8 cours Émile Zola',
  },
];

interface DemoRegle {
  libelle: string;
  type: 'EXTERNE' | 'CCP_COMMUN' | 'CORRESPONDANCE_VERSION' | 'INTERNE';
  sousType?: 'MANDATES' | 'MAITRE_APPRENTISSAGE_TUTEUR';
  certificationSource?: string;
  ccpsSource?: string[];
  ccpsCible: string[];
  titreCible?: string;
  valideDu?: string;
  valideAu?: string;
  arreteReference?: string;
  justificatifsRequis?: string;
}

const REGLES: DemoRegle[] = [
  {
    libelle: 'CCE « Exercer le rôle de tuteur en entreprise » (RS5368) → certification maître d’apprentissage / tuteur',
    type: 'EXTERNE',
    certificationSource: 'CCE « Exercer le rôle de tuteur en entreprise » (RS5368)',
    ccpsCible: ['CP-MATU-1', 'CP-MATU-2', 'CP-MATU-3'],
    titreCible: 'CS-MATU@2021',
    valideDu: '2021-12-07',
    arreteReference: 'Arrêté du 7 décembre 2021',
    justificatifsRequis: 'Copie du certificat détenu',
  },
  {
    libelle: 'CCPI « Tutorat en entreprise » (RS2094) → maître d’apprentissage / tuteur (ancienne règle)',
    type: 'EXTERNE',
    certificationSource: 'CCPI « Tutorat en entreprise » (RS2094)',
    ccpsCible: ['CP-MATU-1', 'CP-MATU-2', 'CP-MATU-3'],
    titreCible: 'CS-MATU@2021',
    valideDu: '2018-01-01',
    valideAu: '2022-12-31',
    arreteReference: 'Arrêté du 7 décembre 2021 (dispositions transitoires)',
  },
  {
    libelle: 'Mandatés : « Gestion et traitement de l’information » → CCP « Gérer le traitement, l’organisation et le partage de l’information » (Assistant de direction)',
    type: 'INTERNE',
    sousType: 'MANDATES',
    ccpsSource: ['CP-MANDAT-2'],
    ccpsCible: ['CP-00329-22-1'],
    valideDu: '2019-01-01',
    arreteReference: 'Arrêté du 26 juin 2018',
    justificatifsRequis: 'Autorisations d’absence, attestation de mandat',
  },
];

export async function seedDemoCandidats(strapi: Core.Strapi) {
  if (process.env.NODE_ENV === 'production') return;
  if (!strapi.plugin('candidats')) return;
  const byCode = async (uid: string, where: Record<string, unknown>) => (await strapi.db.query(uid as never).findOne({ where, select: ['id', 'documentId'] })) as Row | null;
  const ccp = (code: string) => byCode('api::ccp.ccp', { code });
  const titre = (ref: string) => {
    const [code, version] = ref.split('@');
    return byCode('api::titre.titre', { code, version: Number(version) });
  };
  const pays = (codeInsee: string, nature?: string) => byCode('api::pays.pays', nature ? { codeInsee, nature } : { codeInsee });
  const ids = async (codes: string[] | undefined) => (await Promise.all((codes ?? []).map(ccp))).filter((r): r is Row => Boolean(r)).map((r) => r.documentId);

  for (const r of REGLES) {
    if (await byCode('api::regle-equivalence.regle-equivalence', { libelle: r.libelle })) continue;
    const cible = await ids(r.ccpsCible);
    if (!cible.length) continue;
    await strapi.documents('api::regle-equivalence.regle-equivalence' as never).create({
      data: {
        libelle: r.libelle,
        type: r.type,
        sousType: r.sousType ?? null,
        certificationSource: r.certificationSource ?? null,
        ccpsSource: await ids(r.ccpsSource),
        ccpsCible: cible,
        titreCible: r.titreCible ? (await titre(r.titreCible))?.documentId ?? null : null,
        valideDu: r.valideDu ?? null,
        valideAu: r.valideAu ?? null,
        arreteReference: r.arreteReference ?? null,
        justificatifsRequis: r.justificatifsRequis ?? null,
      } as never,
    });
  }

  for (const c of CANDIDATS) {
    if (await byCode('api::candidat.candidat', { nomNaissance: c.nomNaissance, dateNaissance: c.dateNaissance })) continue;
    const naissance = c.pays ? await pays(c.pays.code, 'ANCIEN_ETAT') : null;
    const created = (await strapi.documents('api::candidat.candidat' as never).create({
      data: {
        nomNaissance: c.nomNaissance,
        nomUsage: c.nomUsage ?? null,
        prenoms: c.prenoms,
        sexe: c.sexe,
        dateNaissance: c.dateNaissance,
        communeNaissanceCode: c.commune?.code ?? null,
        communeNaissanceLibelle: c.commune?.libelle ?? null,
        paysNaissance: naissance?.documentId ?? null,
        villeNaissanceEtranger: c.pays?.ville ?? null,
        nationalite: (await pays(c.nationalite, 'ETAT'))?.documentId ?? null,
        codePostal: c.codePostal,
        ville: c.ville,
        adresse: c.adresse,
        controleHomonymie: { decision: 'NOUVELLE_PERSONNE_CONFIRMEE', confirmePar: 'données de démonstration', le: new Date().toISOString(), homonymesSignales: [] },
      } as never,
    })) as Row;
    for (const [type, date, ccpCode, titreRef, resultat] of c.parcours ?? []) {
      await strapi.documents('api::evenement-parcours.evenement-parcours' as never).create({
        data: {
          candidat: created.documentId,
          type,
          date,
          ccp: ccpCode ? (await ccp(ccpCode))?.documentId ?? null : null,
          titre: titreRef ? (await titre(titreRef))?.documentId ?? null : null,
          resultat,
          libelle: 'Données de démonstration',
          enregistrePar: 'données de démonstration',
        } as never,
      });
    }
  }
}
