import { lookupEducation } from '../codes/education.ts';
import { lookupEthnicity } from '../codes/ethnicity.ts';
import { lookupGender, lookupMemberStatus } from '../codes/memberStatus.ts';
import { ageOn, compareIsoDate } from '../date/isoDate.ts';
import { parseDateInput } from '../date/parseDate.ts';
import { parseCitizenId } from '../idNumber/citizenId.ts';
import { normalizePhone } from '../phone/normalizePhone.ts';
import { normalizeCell, normalizeName } from '../text/normalizeText.ts';

/** A member as typed by a person or read from a spreadsheet cell: anything may be missing or malformed. */
export interface MemberRecordInput {
  name?: unknown;
  gender?: unknown;
  idNumber?: unknown;
  ethnicity?: unknown;
  birthDate?: unknown;
  nativePlace?: unknown;
  education?: unknown;
  status?: unknown;
  joinedOn?: unknown;
  confirmedOn?: unknown;
  workUnit?: unknown;
  post?: unknown;
  phone?: unknown;
  address?: unknown;
  remark?: unknown;
}

/** The same member, normalized to codes and ISO dates. */
export interface MemberRecord {
  name: string;
  gender: 'male' | 'female';
  idNumber: string;
  ethnicity: string | null;
  birthDate: string;
  nativePlace: string | null;
  education: string | null;
  status: 'full' | 'probationary';
  joinedOn: string;
  confirmedOn: string | null;
  workUnit: string | null;
  post: string | null;
  phone: string | null;
  address: string | null;
  remark: string | null;
}

export type MemberField = keyof MemberRecordInput;
export interface MemberFieldError {
  field: MemberField;
  code: string;
  message: string;
}

export type MemberRecordCheck = { ok: true; value: MemberRecord } | { ok: false; errors: MemberFieldError[] };

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const s = normalizeCell(value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
  return s.length > 0 ? s : null;
}

/**
 * Validates and normalizes one member. Rules: GB 11643-1999 checksum; birth date and gender agree
 * with the ID number; joined on or after the 18th birthday (党章 第一条) and not in the future;
 * confirmed after joined; a 预备党员 has no confirmed date; ethnicity (GB/T 3304) and
 * education (GB/T 4658) from code tables.
 */
export function checkMemberRecord(input: MemberRecordInput, today: string): MemberRecordCheck {
  const errors: MemberFieldError[] = [];
  const fail = (field: MemberField, code: string, message: string) => errors.push({ field, code, message });

  const rawName = text(input.name);
  const name = rawName ? normalizeName(rawName) : '';
  if (!name) fail('name', 'REQUIRED', '请填写姓名');
  else if (name.length > 50) fail('name', 'TOO_LONG', '姓名不超过 50 个字');

  const idText = text(input.idNumber);
  const id = idText ? parseCitizenId(idText, today) : null;
  if (!idText) fail('idNumber', 'ID_EMPTY', '请填写公民身份号码');
  else if (id && !id.ok) fail('idNumber', id.code, id.message);
  const idValue = id?.ok ? id.value : null;

  let gender: 'male' | 'female' | null = idValue?.gender ?? null;
  const genderText = text(input.gender);
  if (genderText) {
    const g = lookupGender(genderText);
    if (!g) fail('gender', 'GENDER_UNKNOWN', `性别“${genderText}”无法识别，应为“男”或“女”`);
    else if (idValue && g.code !== idValue.gender)
      fail('gender', 'GENDER_MISMATCH', '性别与公民身份号码不一致');
    else gender = g.code;
  }

  let birthDate: string | null = idValue?.birthDate ?? null;
  if (text(input.birthDate)) {
    const b = parseDateInput(input.birthDate);
    if (!b.ok) fail('birthDate', b.code, `出生日期：${b.message}`);
    else if (idValue && b.value !== idValue.birthDate) {
      fail('birthDate', 'BIRTHDATE_MISMATCH', '出生日期与公民身份号码不一致');
    } else birthDate = b.value;
  }

  let ethnicity: string | null = null;
  const ethnicityText = text(input.ethnicity);
  if (ethnicityText) {
    const e = lookupEthnicity(ethnicityText);
    if (!e) fail('ethnicity', 'ETHNICITY_UNKNOWN', `民族“${ethnicityText}”不在 GB/T 3304 民族代码表中`);
    else ethnicity = e.code;
  }

  let education: string | null = null;
  const educationText = text(input.education);
  if (educationText) {
    const e = lookupEducation(educationText);
    if (!e) fail('education', 'EDUCATION_UNKNOWN', `学历“${educationText}”不在 GB/T 4658 学历代码表中`);
    else education = e.code;
  }

  let status: 'full' | 'probationary' | null = null;
  const statusText = text(input.status);
  if (!statusText) fail('status', 'REQUIRED', '请填写党员类型（正式党员或预备党员）');
  else {
    const s = lookupMemberStatus(statusText);
    if (!s) fail('status', 'STATUS_UNKNOWN', `党员类型“${statusText}”应为“正式党员”或“预备党员”`);
    else status = s.code;
  }

  let joinedOn: string | null = null;
  if (!text(input.joinedOn)) fail('joinedOn', 'REQUIRED', '请填写入党日期');
  else {
    const j = parseDateInput(input.joinedOn);
    if (!j.ok) fail('joinedOn', j.code, `入党日期：${j.message}`);
    else if (compareIsoDate(j.value, today) > 0) fail('joinedOn', 'JOINED_IN_FUTURE', '入党日期不能晚于今天');
    else if (birthDate && ageOn(birthDate, j.value) < 18) {
      fail('joinedOn', 'JOINED_UNDER_18', '入党时未满十八周岁（党章第一条）');
    } else joinedOn = j.value;
  }

  let confirmedOn: string | null = null;
  if (text(input.confirmedOn)) {
    const c = parseDateInput(input.confirmedOn);
    if (!c.ok) fail('confirmedOn', c.code, `转正日期：${c.message}`);
    else if (status === 'probationary') {
      fail('confirmedOn', 'PROBATIONARY_CONFIRMED', '预备党员不应有转正日期');
    } else if (compareIsoDate(c.value, today) > 0) {
      fail('confirmedOn', 'CONFIRMED_IN_FUTURE', '转正日期不能晚于今天');
    } else if (joinedOn && compareIsoDate(c.value, joinedOn) <= 0) {
      fail('confirmedOn', 'CONFIRMED_BEFORE_JOINED', '转正日期应晚于入党日期');
    } else confirmedOn = c.value;
  }

  let phone: string | null = null;
  const phoneText = text(input.phone);
  if (phoneText) {
    const p = normalizePhone(phoneText);
    if (!p.ok) fail('phone', p.code, p.message);
    else phone = p.value;
  }

  const optional = (field: MemberField, max: number, label: string) => {
    const v = text(input[field]);
    if (v && v.length > max) {
      fail(field, 'TOO_LONG', `${label}不超过 ${max} 个字`);
      return null;
    }
    return v;
  };
  const nativePlace = optional('nativePlace', 50, '籍贯');
  const workUnit = optional('workUnit', 100, '工作单位');
  const post = optional('post', 50, '职务');
  const address = optional('address', 200, '地址');
  const remark = optional('remark', 500, '备注');

  if (errors.length > 0 || !idValue || !gender || !birthDate || !status || !joinedOn) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      name,
      gender,
      idNumber: idValue.id,
      ethnicity,
      birthDate,
      nativePlace,
      education,
      status,
      joinedOn,
      confirmedOn,
      workUnit,
      post,
      phone,
      address,
      remark,
    },
  };
}
