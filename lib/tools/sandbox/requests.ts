/** The request bodies the sandbox accepts, in AOPay's spellings (`Longitute`, `ReferanceID`, ...). */
import { z } from "zod";

const text = z.union([z.string(), z.number()]).transform((v) => String(v).trim());
const mobile = text.pipe(z.string().regex(/^[6-9]\d{9}$/, "MobileNumber must be a 10-digit Indian mobile number"));
const digits = (name: string) => text.pipe(z.string().regex(/^\d+$/, `${name} must be digits`));

export const sendOtpBody = z.object({
  MobileNumber: mobile,
  BeneID: digits("BeneID"),
  Txntype: z.enum(["IMPS", "NEFT"]),
  Amount: digits("Amount"),
  Pincode: text,
  Address: text,
  DOB: text,
  Latitude: text,
  Longitute: text,
  RegistrationID: text,
});
export type SendOtpBody = z.infer<typeof sendOtpBody>;
export const confirmBody = sendOtpBody.extend({ OTP: text, Stateresp: text, ReferanceID: digits("ReferanceID") });
export const statusBody = z.object({ ReferanceID: text, RegistrationID: text });
export const registerRemitterBody = z.object({ MobileNumber: mobile, OTP: text, Stateresp: text, KycId: digits("KycId"), RegistrationID: text });
export const ekycBody = z.object({
  MobileNumber: mobile,
  Lattitude: text,
  Longitude: text,
  AadhaarNumber: text.pipe(z.string().regex(/^\d{12}$/, "AadhaarNumber must be 12 digits")),
  FingerPrintData: text,
  RegistrationID: text,
});
export const mobileBody = z.object({ MobileNumber: mobile, RegistrationID: text });
export const mobileBeneBody = mobileBody.extend({ BeneID: digits("BeneID") });
export const registerBeneficiaryBody = z.object({
  mobile,
  benename: text.pipe(z.string().min(1, "benename is required")),
  bankid: text,
  accno: text.pipe(z.string().regex(/^\d{9,18}$/, "accno must be 9 to 18 digits")),
  ifsccode: text.pipe(z.string().regex(/^[A-Z]{4}0[A-Z0-9]{6}$/, "ifsccode is not a valid IFSC")),
  verified: z.enum(["0", "1"]),
  gst_state: text.optional(),
  dob: text,
  address: text,
  pincode: text,
  RegistrationID: text,
});
export const refundOtpBody = z.object({ ReferanceID: text, ackno: text, RegistrationID: text });
export const refundBody = refundOtpBody.extend({ OTP: text });
