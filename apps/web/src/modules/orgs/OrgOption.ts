/** An org as a select option: id and full name. */
export interface OrgOption {
  value: string;
  label: string;
}
