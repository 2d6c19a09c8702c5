import type { DnFields } from '../pki';

/** The C/O/OU/CN a CSR for the replacement certificate needs, from a subject's short-name fields. */
export function dnFieldsOf(fields: Record<string, string>): DnFields {
  const result: DnFields = {};
  if (fields.C) result.country = fields.C;
  if (fields.O) result.organization = fields.O;
  if (fields.OU) result.organizationalUnit = fields.OU;
  if (fields.CN) result.commonName = fields.CN;
  return result;
}
