import { employeurErrors, entreprisesLieesErrors } from './entreprise';

describe("a candidate's employer (impartiality of the jury)", () => {
  test('optional; a SIRET given is checked by the SIRET rule and needs the raison sociale', () => {
    expect(employeurErrors({})).toEqual([]);
    expect(employeurErrors({ employeur: 'Boulangerie Martin' })).toEqual([]);
    expect(employeurErrors({ employeur: 'La Poste', employeurSiret: '356 000 000 00048' })).toEqual([]);
    expect(employeurErrors({ employeur: 'ACME', employeurSiret: '73282932000075' })).toEqual([{ field: 'employeurSiret', message: "SIRET de l'employeur : Le SIRET est invalide : sa clé de contrôle ne correspond pas." }]);
    expect(employeurErrors({ employeurSiret: '73282932000074' }).map((e) => e.field)).toEqual(['employeur']);
  });
});

describe("a juror's declared company links", () => {
  test('a list of { raisonSociale, siret? }, each field named in the errors', () => {
    expect(entreprisesLieesErrors(null)).toEqual([]);
    expect(entreprisesLieesErrors([{ raisonSociale: 'ACME' }, { raisonSociale: 'Boulangerie Martin', siret: '73282932000074' }])).toEqual([]);
    expect(entreprisesLieesErrors('ACME')[0].field).toBe('entreprisesLiees');
    expect(entreprisesLieesErrors([{ raisonSociale: ' ' }, { raisonSociale: 'X', siret: '123' }, { raisonSociale: 'Y', ville: 'Lyon' }]).map((e) => e.field)).toEqual([
      'entreprisesLiees[0].raisonSociale',
      'entreprisesLiees[1].siret',
      'entreprisesLiees[2].ville',
    ]);
  });
});
