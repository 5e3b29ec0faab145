/** Authority levels, as in the national platform's access rules: national → province → city → district. */
export const AUTHORITY_LEVELS = ['national', 'province', 'city', 'district'] as const;
export type AuthorityLevel = (typeof AUTHORITY_LEVELS)[number];

export const SCHOOL_STAGES = ['primary', 'junior', 'senior', 'through-train'] as const;
export type SchoolStage = (typeof SCHOOL_STAGES)[number];

/** Jurisdictions seeded on every node: one legal data regime each. */
export const SEEDED_JURISDICTIONS = ['GD', 'HK', 'MO', 'HB'] as const;
