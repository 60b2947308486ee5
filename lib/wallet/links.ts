/** The wallet's download addresses, in one place for the pages that link to them. */
export const statementCsvHref = (outletId: string) => `/api/wallet/statement/${outletId}`;
export const trialBalanceCsvHref = (day: string) => `/api/admin/trial-balance?day=${day}`;
