import { anneeDe, formatNumero, parseNumero, reissueOf } from './numbering';
import { emetteur, EMETTEUR_CODES } from './emetteurs';
import { assertIssuable } from './issue-rules';
import { DocumentRuleError } from './errors';

describe('parchemin numbers', () => {
  test('one series per issuer, year and kind', () => {
    expect(formatNumero({ emetteur: '84', annee: 2026, serie: 'TP', sequence: 123 })).toBe('84-2026-TP-000123');
    expect(formatNumero({ emetteur: '988', annee: 2026, serie: 'CCS', sequence: 7 })).toBe('NC-2026-CCS-000007');
    expect(formatNumero({ emetteur: '04', annee: 2027, serie: 'TP', sequence: 1_234_567 })).toBe('04-2027-TP-1234567');
  });

  test('read back exactly', () => {
    for (const parts of [
      { emetteur: '84', annee: 2026, serie: 'TP' as const, sequence: 1 },
      { emetteur: '988', annee: 2031, serie: 'CCS' as const, sequence: 999_999 },
    ]) {
      expect(parseNumero(formatNumero(parts))).toEqual(parts);
    }
    expect(parseNumero('84-2026-XX-000001')).toBeNull();
    expect(parseNumero('n’importe quoi')).toBeNull();
  });

  test('refuses unknown issuers, impossible years and sequences', () => {
    expect(() => formatNumero({ emetteur: '99', annee: 2026, serie: 'TP', sequence: 1 })).toThrow(/Service émetteur inconnu/);
    expect(() => formatNumero({ emetteur: '84', annee: 1999, serie: 'TP', sequence: 1 })).toThrow(/Année/);
    expect(() => formatNumero({ emetteur: '84', annee: 2026, serie: 'TP', sequence: 0 })).toThrow(/ordre/);
  });

  test('the year of a number is the year of the date of issue', () => {
    expect(anneeDe('2026-12-31')).toBe(2026);
    expect(() => anneeDe('31/12/2026')).toThrow();
  });

  test('a reissue keeps the original number, date and place', () => {
    expect(reissueOf({ numero: '84-2026-TP-000123', dateDelivrance: '2026-03-20', lieuDelivrance: 'Lyon' })).toEqual({
      numero: '84-2026-TP-000123',
      dateDelivrance: '2026-03-20',
      lieuDelivrance: 'Lyon',
      reedition: true,
    });
  });
});

describe('issuers and signatories', () => {
  test('every région and Nouvelle-Calédonie has an issuer; NC signs with its own service', () => {
    expect(EMETTEUR_CODES).toHaveLength(19);
    expect(emetteur('84').autorite).toBe('Pour le préfet de la région Auvergne-Rhône-Alpes, et par délégation,');
    expect(emetteur('11').fonction).toMatch(/régional et interdépartemental/);
    expect(emetteur('04').fonction).toMatch(/^le directeur de l'économie/);
    expect(emetteur('988').autorite).toMatch(/haut-commissaire de la République en Nouvelle-Calédonie/);
    expect(emetteur('988').timeZone).toBe('Pacific/Noumea');
  });
});

describe('rules of issue', () => {
  test('certification documents only for validated results granting them', () => {
    expect(() => assertIssuable('parchemin', { resultatsValides: false, decision: 'TITRE_OBTENU' })).toThrow(DocumentRuleError);
    expect(() => assertIssuable('parchemin', { resultatsValides: true, decision: 'REUSSITE_PARTIELLE' })).toThrow(/pas obtenu/);
    expect(() => assertIssuable('parchemin', { resultatsValides: true, decision: 'TITRE_OBTENU' })).not.toThrow();
    expect(() => assertIssuable('parchemin', { resultatsValides: true, capitalisationComplete: true })).not.toThrow();
    expect(() => assertIssuable('livret', { resultatsValides: true, nombreCcpAcquis: 0 })).toThrow(/Aucun CCP/);
    expect(() => assertIssuable('livret', { resultatsValides: true, nombreCcpAcquis: 1 })).not.toThrow();
    expect(() => assertIssuable('certificat-ccs', { resultatsValides: true, decision: 'CCS_NON_OBTENU' })).toThrow(/CCS/);
  });

  test('convocations only when candidates are registered', () => {
    expect(() => assertIssuable('convocation-candidat', { nombreInscrits: 0 })).toThrow(/Aucun candidat/);
    expect(() => assertIssuable('convocation-candidat', { nombreInscrits: 3, inscrit: false })).toThrow(/plus\) inscrit/);
    expect(() => assertIssuable('convocation-candidat', { nombreInscrits: 3, inscrit: true })).not.toThrow();
    expect(() => assertIssuable('convocation-jure', { nombreInscrits: 0 })).toThrow(/Aucun candidat/);
    expect(() => assertIssuable('liste-jurys', {})).not.toThrow();
  });

  test('the refusal carries a 409 and the field for the bridge', () => {
    try {
      assertIssuable('parchemin', {});
      throw new Error('not refused');
    } catch (error) {
      expect(error).toMatchObject({ status: 409, field: 'resultatsValides', ceresBridgeError: true });
    }
  });
});
