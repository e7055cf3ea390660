/** The personal fields that are masked in lists and can be revealed (audited). */
export type RevealField = 'idNumber' | 'phone';
