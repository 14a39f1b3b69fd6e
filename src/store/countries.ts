// ISO 3166 codes and ACLED regions for the countries an Arabic-language observatory reports on:
// the Arab League, its neighbours and the conflicts Arabic outlets cover most.
// Source: ISO 3166-1 (alpha-2, alpha-3, numeric); regions as ACLED names them. Public facts.
// Used only to fill ACLED's `iso`, `region` and the ISO3 prefix of `event_id_cnty`; a country not
// listed keeps its own code (when it is three letters) and leaves `iso` and `region` empty.

export interface CountryCodes {
  alpha2: string;
  alpha3: string;
  numeric: number;
  name: string;
  region: string;
}

const ROWS: ReadonlyArray<readonly [string, string, number, string, string]> = [
  ['AE', 'ARE', 784, 'United Arab Emirates', 'Middle East'],
  ['BH', 'BHR', 48, 'Bahrain', 'Middle East'],
  ['IL', 'ISR', 376, 'Israel', 'Middle East'],
  ['IQ', 'IRQ', 368, 'Iraq', 'Middle East'],
  ['IR', 'IRN', 364, 'Iran', 'Middle East'],
  ['JO', 'JOR', 400, 'Jordan', 'Middle East'],
  ['KW', 'KWT', 414, 'Kuwait', 'Middle East'],
  ['LB', 'LBN', 422, 'Lebanon', 'Middle East'],
  ['OM', 'OMN', 512, 'Oman', 'Middle East'],
  ['PS', 'PSE', 275, 'Palestine', 'Middle East'],
  ['QA', 'QAT', 634, 'Qatar', 'Middle East'],
  ['SA', 'SAU', 682, 'Saudi Arabia', 'Middle East'],
  ['SY', 'SYR', 760, 'Syria', 'Middle East'],
  ['TR', 'TUR', 792, 'Turkey', 'Middle East'],
  ['YE', 'YEM', 887, 'Yemen', 'Middle East'],
  ['DZ', 'DZA', 12, 'Algeria', 'Northern Africa'],
  ['EG', 'EGY', 818, 'Egypt', 'Northern Africa'],
  ['LY', 'LBY', 434, 'Libya', 'Northern Africa'],
  ['MA', 'MAR', 504, 'Morocco', 'Northern Africa'],
  ['SD', 'SDN', 729, 'Sudan', 'Northern Africa'],
  ['TN', 'TUN', 788, 'Tunisia', 'Northern Africa'],
  ['DJ', 'DJI', 262, 'Djibouti', 'Eastern Africa'],
  ['ER', 'ERI', 232, 'Eritrea', 'Eastern Africa'],
  ['ET', 'ETH', 231, 'Ethiopia', 'Eastern Africa'],
  ['KE', 'KEN', 404, 'Kenya', 'Eastern Africa'],
  ['KM', 'COM', 174, 'Comoros', 'Eastern Africa'],
  ['SO', 'SOM', 706, 'Somalia', 'Eastern Africa'],
  ['SS', 'SSD', 728, 'South Sudan', 'Eastern Africa'],
  ['BF', 'BFA', 854, 'Burkina Faso', 'Western Africa'],
  ['ML', 'MLI', 466, 'Mali', 'Western Africa'],
  ['MR', 'MRT', 478, 'Mauritania', 'Western Africa'],
  ['NE', 'NER', 562, 'Niger', 'Western Africa'],
  ['NG', 'NGA', 566, 'Nigeria', 'Western Africa'],
  ['CF', 'CAF', 140, 'Central African Republic', 'Middle Africa'],
  ['TD', 'TCD', 148, 'Chad', 'Middle Africa'],
  ['AF', 'AFG', 4, 'Afghanistan', 'South Asia'],
  ['PK', 'PAK', 586, 'Pakistan', 'South Asia'],
  ['UA', 'UKR', 804, 'Ukraine', 'Europe'],
];

export interface CountryTable {
  /** By alpha-2, alpha-3 (upper case) or English name (lower case). */
  lookup(codeOrName: string | null | undefined): CountryCodes | null;
}

/** Build the lookup once; the caller keeps it (no module-level mutable state). */
export function countryTable(rows = ROWS): CountryTable {
  const byKey = new Map<string, CountryCodes>();
  for (const [alpha2, alpha3, numeric, name, region] of rows) {
    const c: CountryCodes = { alpha2, alpha3, numeric, name, region };
    byKey.set(alpha2, c);
    byKey.set(alpha3, c);
    byKey.set(name.toLowerCase(), c);
  }
  return {
    lookup(v) {
      if (!v) return null;
      const t = v.trim();
      return byKey.get(t.toUpperCase()) ?? byKey.get(t.toLowerCase()) ?? null;
    },
  };
}
