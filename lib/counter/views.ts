/** The customer and beneficiaries as the counter screens show them (browser-safe types). */
export interface RemitterView {
  mobile: string;
  name: string;
  firstName: string;
  lastName: string;
  limitUsed: string;
  limitLeft: string;
  known: { pincode: string | null; address: string | null; dateOfBirth: string | null };
}

export type LookupResult = { registered: true; remitter: RemitterView } | { registered: false; mobile: string; stateresp: string };

export interface BeneficiaryView {
  id: string;
  name: string;
  bankName: string;
  ifsc: string;
  accountMasked: string;
  verified: boolean;
}
